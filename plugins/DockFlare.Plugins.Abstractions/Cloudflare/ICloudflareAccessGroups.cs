namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages Access groups.</summary>
/// <remarks>Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>.</remarks>
public interface ICloudflareAccessGroups
{
    /// <summary>Lists every group.</summary>
    Task<IReadOnlyList<AccessGroup>> ListAccessGroupsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Reads a group; <see langword="null"/> only on a definitive 404.</summary>
    Task<AccessGroup?> GetAccessGroupAsync(string accountId, string groupId, CancellationToken cancellationToken);

    /// <summary>Creates a group.</summary>
    Task<AccessGroup> CreateAccessGroupAsync(string accountId, AccessGroupRequest group, CancellationToken cancellationToken);

    /// <summary>Replaces a group.</summary>
    Task<AccessGroup> UpdateAccessGroupAsync(string accountId, string groupId, AccessGroupRequest group, CancellationToken cancellationToken);

    /// <summary>Deletes a group; <see langword="false"/> when it was already gone.</summary>
    Task<bool> DeleteAccessGroupAsync(string accountId, string groupId, CancellationToken cancellationToken);
}
