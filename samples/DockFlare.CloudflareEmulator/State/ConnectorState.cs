namespace DockFlare.CloudflareEmulator.State;

/// <summary>A fake cloudflared connector attached to a tunnel (added through the admin API).</summary>
internal sealed class ConnectorState
{
    public required string Id { get; init; }

    public string Arch { get; init; } = "linux_amd64";

    public string Version { get; init; } = "2026.8.0";

    public int ConfigVersion { get; set; }

    public DateTimeOffset RunAt { get; init; }

    public string ColoName { get; init; } = "fra08";

    public string OriginIp { get; init; } = "198.51.100.10";

    public List<string> ConnectionIds { get; init; } = [];
}
