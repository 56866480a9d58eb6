using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.State;

/// <summary>An emulated Cloudflare Tunnel with its secret, configuration and connectors.</summary>
internal sealed class TunnelState
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; set; }

    public required byte[] Secret { get; set; }

    public string ConfigSource { get; init; } = "cloudflare";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset? ConnectionsActiveAt { get; set; }

    public DateTimeOffset? ConnectionsInactiveAt { get; set; }

    public bool EverConnected { get; set; }

    /// <summary>The stored <c>config</c>; null until the first PUT.</summary>
    public JsonObject? Config { get; set; }

    public int ConfigVersion { get; set; }

    public DateTimeOffset? ConfigCreatedAt { get; set; }

    public List<ConnectorState> Connectors { get; } = [];

    public string Status => Connectors.Count > 0 ? "healthy" : EverConnected ? "down" : "inactive";
}
