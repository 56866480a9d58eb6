using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareAccessGroups"/> over <c>/accounts/{account}/access/groups</c>.</summary>
internal sealed class CloudflareAccessGroupsClient(CloudflareTransport transport) : ICloudflareAccessGroups
{
    public Task<IReadOnlyList<AccessGroup>> ListAccessGroupsAsync(string accountId, CancellationToken cancellationToken) =>
        transport.ListAllAsync<AccessGroup>(
            AccessPaths.Collection(accountId, "groups"), [], CloudflarePageSizes.Access, g => g.Id, cancellationToken);

    public Task<AccessGroup?> GetAccessGroupAsync(string accountId, string groupId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<AccessGroup>(Item(accountId, groupId), cancellationToken);

    public Task<AccessGroup> CreateAccessGroupAsync(string accountId, AccessGroupRequest group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return transport.SendForResultAsync<AccessGroup>(HttpMethod.Post, AccessPaths.Collection(accountId, "groups"), group, cancellationToken);
    }

    public Task<AccessGroup> UpdateAccessGroupAsync(string accountId, string groupId, AccessGroupRequest group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return transport.SendForResultAsync<AccessGroup>(HttpMethod.Put, Item(accountId, groupId), group, cancellationToken);
    }

    public Task<bool> DeleteAccessGroupAsync(string accountId, string groupId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Item(accountId, groupId), cancellationToken);

    private static string Item(string accountId, string groupId) => AccessPaths.Item(accountId, "groups", groupId, "group");
}
