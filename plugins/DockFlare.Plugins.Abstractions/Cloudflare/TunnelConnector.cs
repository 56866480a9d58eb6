using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A running cloudflared instance (connector) of a tunnel.</summary>
public sealed record TunnelConnector
{
    /// <summary>The connector id (a UUID).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The platform, such as <c>linux_amd64</c>.</summary>
    [JsonPropertyName("arch")] public string? Arch { get; init; }

    /// <summary>The cloudflared version.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }

    /// <summary>The configuration version the connector runs.</summary>
    [JsonPropertyName("config_version")] public int? ConfigVersion { get; init; }

    /// <summary>When the connector started.</summary>
    [JsonPropertyName("run_at")] public DateTimeOffset? RunAt { get; init; }

    /// <summary>Its connections to Cloudflare's edge.</summary>
    [JsonPropertyName("conns")] public IReadOnlyList<TunnelConnection> Connections { get; init; } = [];
}
