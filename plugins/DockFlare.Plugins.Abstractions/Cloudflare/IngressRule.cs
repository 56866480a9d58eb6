using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>One ingress rule of a remotely managed tunnel.</summary>
/// <param name="Hostname">The host name matched (exact, or <c>*.example.com</c>); <see langword="null"/> for the catch-all.</param>
/// <param name="Path">An unanchored RE2 regular expression over the request path, or <see langword="null"/>.</param>
/// <param name="Service">Where traffic goes: <c>http://web:8080</c>, <c>http_status:404</c>, <c>unix:/path</c>...</param>
/// <param name="OriginRequest">Per-rule origin options, overriding the configuration's defaults.</param>
public sealed record IngressRule(
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("originRequest")] OriginRequestOptions? OriginRequest = null)
{
    /// <summary>The conventional last rule: answer 404 to everything else.</summary>
    public static IngressRule CatchAll404 { get; } = new(null, null, "http_status:404");

    /// <summary>
    /// Fields this model does not know, kept as read and sent back unchanged (for example a key a newer cloudflared understands).
    /// Keys are the JSON names as Cloudflare spelled them; <see langword="null"/> when there were none.
    /// A key that names a modelled property is ignored when writing: the modelled property wins.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; init; }
}
