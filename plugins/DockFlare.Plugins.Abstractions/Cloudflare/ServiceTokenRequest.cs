using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The content of a service token, for a create or an update.</summary>
/// <param name="Name">The token name.</param>
/// <param name="Duration">How long the token is valid (Go duration, default <c>8760h</c>; <c>forever</c> is allowed).</param>
public sealed record ServiceTokenRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("duration")] string? Duration = null);
