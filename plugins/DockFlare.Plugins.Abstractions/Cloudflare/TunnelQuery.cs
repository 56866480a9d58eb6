namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Filters for listing tunnels.</summary>
/// <param name="Name">Only the tunnel with exactly this name.</param>
/// <param name="IncludeDeleted">Whether soft-deleted tunnels are listed too (default: live tunnels only).</param>
public sealed record TunnelQuery(string? Name = null, bool IncludeDeleted = false)
{
    /// <summary>Every live tunnel of the account.</summary>
    public static TunnelQuery Live { get; } = new();
}
