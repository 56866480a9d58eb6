namespace DockFlare.Modules.Access;

/// <summary>The sync state of one group with its Cloudflare policy, from the last reconcile pass of this master.</summary>
/// <param name="State">Synced, pending, failed or unknown.</param>
/// <param name="PolicyId">The reusable policy's id when synced with reusable policies on.</param>
/// <param name="Message">What the state means for this group, in words.</param>
public sealed record AccessGroupSyncStatus(AccessGroupSyncState State, string? PolicyId, string Message);
