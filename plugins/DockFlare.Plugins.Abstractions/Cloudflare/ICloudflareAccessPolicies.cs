namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages reusable (account-level) Access policies.</summary>
/// <remarks>
/// Every list is read to its last page. Get returns <see langword="null"/> only on a definitive 404: a
/// transient failure always throws, so a caller never rebuilds a policy that still exists (case B24).
/// </remarks>
public interface ICloudflareAccessPolicies
{
    /// <summary>Lists every reusable policy.</summary>
    Task<IReadOnlyList<AccessPolicy>> ListReusablePoliciesAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Reads a reusable policy; <see langword="null"/> only on a definitive 404.</summary>
    Task<AccessPolicy?> GetReusablePolicyAsync(string accountId, string policyId, CancellationToken cancellationToken);

    /// <summary>Creates a reusable policy.</summary>
    Task<AccessPolicy> CreateReusablePolicyAsync(string accountId, AccessPolicyRequest policy, CancellationToken cancellationToken);

    /// <summary>Replaces a reusable policy.</summary>
    Task<AccessPolicy> UpdateReusablePolicyAsync(string accountId, string policyId, AccessPolicyRequest policy, CancellationToken cancellationToken);

    /// <summary>Deletes a reusable policy (refused while applications use it); <see langword="false"/> when it was already gone.</summary>
    Task<bool> DeleteReusablePolicyAsync(string accountId, string policyId, CancellationToken cancellationToken);
}
