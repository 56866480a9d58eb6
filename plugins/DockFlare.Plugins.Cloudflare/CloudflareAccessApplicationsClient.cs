using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareAccessApplications"/> over <c>/accounts/{account}/access/apps</c>.</summary>
internal sealed class CloudflareAccessApplicationsClient(CloudflareTransport transport) : ICloudflareAccessApplications
{
    public Task<IReadOnlyList<AccessApplication>> ListAccessApplicationsAsync(
        string accountId, AccessApplicationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return transport.ListAllAsync<AccessApplication>(
            AccessPaths.Collection(accountId, "apps"),
            [new("name", query.Name), new("domain", query.Domain), new("exact", query.Exact ? "true" : null)],
            CloudflarePageSizes.Access,
            a => a.Id,
            cancellationToken);
    }

    public async Task<AccessApplication?> FindAccessApplicationByHostnameAsync(string accountId, string hostname, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);

        // The server-side domain filter is not reliable enough to conclude "absent" (case B22): read all.
        var applications = await ListAccessApplicationsAsync(accountId, AccessApplicationQuery.All, cancellationToken).ConfigureAwait(false);
        return applications.FirstOrDefault(a => a.Protects(hostname));
    }

    public Task<AccessApplication?> GetAccessApplicationAsync(string accountId, string applicationId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<AccessApplication>(App(accountId, applicationId), cancellationToken);

    public Task<AccessApplication> CreateAccessApplicationAsync(string accountId, AccessApplicationRequest application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return transport.SendForResultAsync<AccessApplication>(
            HttpMethod.Post, AccessPaths.Collection(accountId, "apps"), application, cancellationToken);
    }

    public Task<AccessApplication> UpdateAccessApplicationAsync(
        string accountId, string applicationId, AccessApplicationRequest application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        return transport.SendForResultAsync<AccessApplication>(HttpMethod.Put, App(accountId, applicationId), application, cancellationToken);
    }

    public Task<bool> DeleteAccessApplicationAsync(string accountId, string applicationId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(App(accountId, applicationId), cancellationToken);

    public async Task<IReadOnlyList<AccessPolicy>> ListApplicationPoliciesAsync(
        string accountId, string applicationId, CancellationToken cancellationToken)
    {
        var policies = await transport.ListAllAsync<AccessPolicy>(
            App(accountId, applicationId) + "/policies", [], CloudflarePageSizes.Access, p => p.Id, cancellationToken).ConfigureAwait(false);
        return policies.OrderBy(p => p.Precedence ?? int.MaxValue).ToList();
    }

    public Task<AccessPolicy?> GetApplicationPolicyAsync(string accountId, string applicationId, string policyId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<AccessPolicy>(Policy(accountId, applicationId, policyId), cancellationToken);

    public Task<AccessPolicy> CreateApplicationPolicyAsync(
        string accountId, string applicationId, AccessPolicyRequest policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return transport.SendForResultAsync<AccessPolicy>(HttpMethod.Post, App(accountId, applicationId) + "/policies", policy, cancellationToken);
    }

    public Task<AccessPolicy> UpdateApplicationPolicyAsync(
        string accountId, string applicationId, string policyId, AccessPolicyRequest policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return transport.SendForResultAsync<AccessPolicy>(HttpMethod.Put, Policy(accountId, applicationId, policyId), policy, cancellationToken);
    }

    public Task<bool> DeleteApplicationPolicyAsync(string accountId, string applicationId, string policyId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Policy(accountId, applicationId, policyId), cancellationToken);

    private static string App(string accountId, string applicationId) => AccessPaths.Item(accountId, "apps", applicationId, "application");

    private static string Policy(string accountId, string applicationId, string policyId) =>
        $"{App(accountId, applicationId)}/policies/{CloudflareIds.Uuid(policyId, "policy")}";
}
