namespace DockFlare.Hosting.Cloudflared;

/// <summary>What one cloudflared pass changed on the engine.</summary>
[Flags]
internal enum CloudflaredChanges
{
    /// <summary>Nothing: the container already matched.</summary>
    None = 0,

    /// <summary>The container was missing and was created and started.</summary>
    Created = 1,

    /// <summary>
    /// A new container was created and started beside the old one (changed image, token or command, a stale network,
    /// or a redeploy), checked to be running, and the old one removed.
    /// </summary>
    Replaced = 2,

    /// <summary>The container was attached to the configured network, and detached from the one it was created on.</summary>
    Reattached = 4,

    /// <summary>The stopped container was started.</summary>
    Started = 8,

    /// <summary>
    /// Extra containers of the same owner and tunnel (a duplicate connector left by an interrupted replacement, B29) were
    /// removed, or every container was removed on request.
    /// </summary>
    Removed = 16,
}
