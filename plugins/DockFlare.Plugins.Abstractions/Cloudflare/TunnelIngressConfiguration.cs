using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The <c>config</c> object of a remotely managed tunnel: its ingress rules and origin defaults.</summary>
/// <param name="Ingress">The rules in order; the last must be a catch-all.</param>
/// <param name="OriginRequest">Defaults for every rule; per-rule settings override them field by field.</param>
public sealed record TunnelIngressConfiguration(
    [property: JsonPropertyName("ingress")] IReadOnlyList<IngressRule> Ingress,
    [property: JsonPropertyName("originRequest")] OriginRequestOptions? OriginRequest = null);
