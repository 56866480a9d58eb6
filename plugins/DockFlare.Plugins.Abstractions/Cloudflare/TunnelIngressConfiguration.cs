using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The <c>config</c> object of a remotely managed tunnel: its ingress rules and origin defaults.</summary>
/// <param name="Ingress">The rules in order; the last must be a catch-all.</param>
/// <param name="OriginRequest">Defaults for every rule; per-rule settings override them field by field.</param>
public sealed record TunnelIngressConfiguration(
    [property: JsonPropertyName("ingress")] IReadOnlyList<IngressRule> Ingress,
    [property: JsonPropertyName("originRequest")] OriginRequestOptions? OriginRequest = null)
{
    /// <summary>
    /// Fields this model does not know, kept as read and sent back unchanged (for example <c>warp-routing</c>).
    /// Keys are the JSON names as Cloudflare spelled them; <see langword="null"/> when there were none.
    /// A key that names a modelled property is ignored when writing: the modelled property wins.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? ExtensionData { get; init; }
}
