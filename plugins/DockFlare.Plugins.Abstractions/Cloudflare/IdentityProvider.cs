using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>An Access identity provider (login method).</summary>
public sealed record IdentityProvider
{
    /// <summary>The identity provider id (a UUID).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The display name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>The kind: <c>onetimepin</c>, <c>google</c>, <c>oidc</c>, <c>github</c>, <c>azureAD</c>...</summary>
    [JsonPropertyName("type")] public string Type { get; init; } = "";

    /// <summary>The type-specific settings; secrets are redacted by Cloudflare.</summary>
    [JsonPropertyName("config")] public JsonElement Config { get; init; }
}
