namespace DockFlare.Plugins.Cloudflare;

/// <summary>Which part of the request budget a request may use.</summary>
internal enum CloudflareRequestPriority
{
    /// <summary>Reads and ordinary writes: everything but the reserve.</summary>
    Normal,

    /// <summary>Deletions and Access changes: the whole budget, reserve included.</summary>
    High,
}
