namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages Access applications and their application-scoped policies.</summary>
/// <remarks>
/// Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>; an account
/// without Zero Trust throws with <see cref="CloudflareApiException.IsAccessNotEnabled"/>.
/// </remarks>
public interface ICloudflareAccessApplications
{
    /// <summary>Lists every application matching <paramref name="query"/>.</summary>
    Task<IReadOnlyList<AccessApplication>> ListAccessApplicationsAsync(string accountId, AccessApplicationQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Finds the application protecting <paramref name="hostname"/> by reading every application (all pages)
    /// and matching domain, self-hosted domains and public destinations; it never trusts the server-side
    /// domain filter alone. <see langword="null"/> when none protects it.
    /// </summary>
    Task<AccessApplication?> FindAccessApplicationByHostnameAsync(string accountId, string hostname, CancellationToken cancellationToken);

    /// <summary>Reads an application; <see langword="null"/> only on a definitive 404.</summary>
    Task<AccessApplication?> GetAccessApplicationAsync(string accountId, string applicationId, CancellationToken cancellationToken);

    /// <summary>Creates an application. A domain already protected throws with <see cref="CloudflareApiException.IsConflict"/>.</summary>
    Task<AccessApplication> CreateAccessApplicationAsync(string accountId, AccessApplicationRequest application, CancellationToken cancellationToken);

    /// <summary>Replaces an application wholesale (PUT).</summary>
    Task<AccessApplication> UpdateAccessApplicationAsync(string accountId, string applicationId, AccessApplicationRequest application, CancellationToken cancellationToken);

    /// <summary>Deletes an application; <see langword="false"/> when it was already gone.</summary>
    Task<bool> DeleteAccessApplicationAsync(string accountId, string applicationId, CancellationToken cancellationToken);

    /// <summary>Lists the policies attached to an application (scoped and reusable), in precedence order.</summary>
    Task<IReadOnlyList<AccessPolicy>> ListApplicationPoliciesAsync(string accountId, string applicationId, CancellationToken cancellationToken);

    /// <summary>Reads an application-scoped policy; <see langword="null"/> only on a definitive 404.</summary>
    Task<AccessPolicy?> GetApplicationPolicyAsync(string accountId, string applicationId, string policyId, CancellationToken cancellationToken);

    /// <summary>Adds an application-scoped policy (set <see cref="AccessPolicyRequest.Precedence"/>).</summary>
    Task<AccessPolicy> CreateApplicationPolicyAsync(string accountId, string applicationId, AccessPolicyRequest policy, CancellationToken cancellationToken);

    /// <summary>Replaces an application-scoped policy.</summary>
    Task<AccessPolicy> UpdateApplicationPolicyAsync(string accountId, string applicationId, string policyId, AccessPolicyRequest policy, CancellationToken cancellationToken);

    /// <summary>Deletes an application-scoped policy; <see langword="false"/> when it was already gone.</summary>
    Task<bool> DeleteApplicationPolicyAsync(string accountId, string applicationId, string policyId, CancellationToken cancellationToken);
}
