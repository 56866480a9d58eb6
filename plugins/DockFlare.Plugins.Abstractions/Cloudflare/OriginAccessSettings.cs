using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The <c>originRequest.access</c> block: cloudflared checks the Access JWT before proxying.</summary>
/// <param name="Required">Whether a valid Access token is required.</param>
/// <param name="TeamName">The Zero Trust team name; required when <paramref name="AudTags"/> is not empty.</param>
/// <param name="AudTags">The Access application audience tags accepted.</param>
public sealed record OriginAccessSettings(
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("teamName")] string TeamName,
    [property: JsonPropertyName("audTag")] IReadOnlyList<string> AudTags);
