namespace DockFlare.Modules.Access;

/// <summary>Where a group stands with Cloudflare.</summary>
public enum AccessGroupSyncState
{
    /// <summary>This master has not reconciled since it started.</summary>
    Unknown,

    /// <summary>The last pass made the Cloudflare policy exactly this definition.</summary>
    Synced,

    /// <summary>Changed since the last pass; the next one syncs it.</summary>
    Pending,

    /// <summary>The last pass could not use it (see the message); routes naming it are not published.</summary>
    Failed,
}
