namespace DockFlare.Modules.Tunnels;

/// <summary>What one supervisor pass changed on the engine.</summary>
[Flags]
internal enum CloudflaredChanges
{
    /// <summary>Nothing: the container already matched.</summary>
    None = 0,

    /// <summary>The container was missing and was created and started.</summary>
    Created = 1,

    /// <summary>The container was removed and created again (changed image, token or command, or a stale network).</summary>
    Replaced = 2,

    /// <summary>The container was attached to the configured network, and detached from the one it was created on.</summary>
    Reattached = 4,

    /// <summary>The stopped container was started.</summary>
    Started = 8,
}
