using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareAccessPolicies"/> over <c>/accounts/{account}/access/policies</c>.</summary>
internal sealed class CloudflareAccessPoliciesClient(CloudflareTransport transport) : ICloudflareAccessPolicies
{
    public Task<IReadOnlyList<AccessPolicy>> ListReusablePoliciesAsync(string accountId, CancellationToken cancellationToken) =>
        transport.ListAllAsync<AccessPolicy>(
            AccessPaths.Collection(accountId, "policies"), [], CloudflarePageSizes.Access, p => p.Id, cancellationToken);

    public Task<AccessPolicy?> GetReusablePolicyAsync(string accountId, string policyId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<AccessPolicy>(Item(accountId, policyId), cancellationToken);

    public Task<AccessPolicy> CreateReusablePolicyAsync(string accountId, AccessPolicyRequest policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return transport.SendForResultAsync<AccessPolicy>(
            HttpMethod.Post, AccessPaths.Collection(accountId, "policies"), policy with { Precedence = null }, cancellationToken);
    }

    public Task<AccessPolicy> UpdateReusablePolicyAsync(string accountId, string policyId, AccessPolicyRequest policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return transport.SendForResultAsync<AccessPolicy>(HttpMethod.Put, Item(accountId, policyId), policy with { Precedence = null }, cancellationToken);
    }

    public Task<bool> DeleteReusablePolicyAsync(string accountId, string policyId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Item(accountId, policyId), cancellationToken);

    private static string Item(string accountId, string policyId) => AccessPaths.Item(accountId, "policies", policyId, "policy");
}
