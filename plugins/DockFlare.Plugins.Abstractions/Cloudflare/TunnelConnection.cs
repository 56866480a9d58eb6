using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>One connection of a connector to a Cloudflare data centre.</summary>
public sealed record TunnelConnection
{
    /// <summary>The connection id.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The data centre code, such as <c>fra08</c>.</summary>
    [JsonPropertyName("colo_name")] public string? ColoName { get; init; }

    /// <summary>The public address the connector connects from.</summary>
    [JsonPropertyName("origin_ip")] public string? OriginIp { get; init; }

    /// <summary>When the connection was opened.</summary>
    [JsonPropertyName("opened_at")] public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>The connector (client) id.</summary>
    [JsonPropertyName("client_id")] public string? ClientId { get; init; }

    /// <summary>The connector's cloudflared version.</summary>
    [JsonPropertyName("client_version")] public string? ClientVersion { get; init; }

    /// <summary>Whether the connection is about to reconnect.</summary>
    [JsonPropertyName("is_pending_reconnect")] public bool IsPendingReconnect { get; init; }
}
