using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>
/// A tunnel's <c>config</c> object as sent and received; keys the contract does not model (<c>warp-routing</c>
/// and anything newer) land in <see cref="Extra"/> and go back out unchanged.
/// </summary>
internal sealed class TunnelIngressConfigurationWire
{
    private static readonly FrozenSet<string> Modelled = new[] { "ingress", "originRequest" }.ToFrozenSet(StringComparer.Ordinal);

    [JsonPropertyName("ingress")] public List<IngressRuleWire?>? Ingress { get; set; }

    [JsonPropertyName("originRequest")] public OriginRequestWire? OriginRequest { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public static TunnelIngressConfigurationWire From(TunnelIngressConfiguration configuration) => new()
    {
        Ingress = [.. configuration.Ingress.Select(IngressRuleWire.From)],
        OriginRequest = OriginRequestWire.From(configuration.OriginRequest),
        Extra = WireExtensionData.ToWire(configuration.ExtensionData, Modelled),
    };

    public TunnelIngressConfiguration ToConfiguration() =>
        new([.. (Ingress ?? []).OfType<IngressRuleWire>().Select(r => r.ToRule())], OriginRequest?.ToOptions())
        {
            ExtensionData = WireExtensionData.ToContract(Extra),
        };
}
