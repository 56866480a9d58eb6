using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>An Access service token, without its secret.</summary>
public sealed record ServiceToken
{
    /// <summary>The service token id (a UUID), used in <c>service_token</c> rules.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The token name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The client id sent as <c>CF-Access-Client-Id</c>.</summary>
    [JsonPropertyName("client_id")] public string? ClientId { get; init; }

    /// <summary>How long the token is valid (Go duration, or <c>forever</c>).</summary>
    [JsonPropertyName("duration")] public string? Duration { get; init; }

    /// <summary>When the token expires.</summary>
    [JsonPropertyName("expires_at")] public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the token was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the token was last changed.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; init; }
}
