using System.Text.Json.Serialization;

namespace DockFlare.Core.Routing;

/// <summary>One entry of a tunnel's <c>ingress</c> list, shaped as Cloudflare expects it.</summary>
/// <param name="Hostname">The hostname; null only for the catch-all.</param>
/// <param name="Path">The path regular expression; null for the whole host.</param>
/// <param name="Service">The origin service.</param>
/// <param name="OriginRequest">Origin options; only for http(s) services and only when one is set.</param>
public sealed record IngressRule(
    [property: JsonPropertyName("hostname"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hostname,
    [property: JsonPropertyName("path"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Path,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("originRequest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OriginRequest? OriginRequest)
{
    /// <summary>The catch-all that ends every document.</summary>
    public static IngressRule CatchAll { get; } = new(null, null, "http_status:404", null);

    /// <summary>Whether this rule matches every request (no hostname and no path).</summary>
    [JsonIgnore]
    public bool IsCatchAll => (Hostname is null or "" or "*") && string.IsNullOrEmpty(Path);
}
