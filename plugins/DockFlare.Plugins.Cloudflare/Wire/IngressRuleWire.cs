using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>One ingress rule as sent and received; keys the contract does not model land in <see cref="Extra"/>.</summary>
internal sealed class IngressRuleWire
{
    private static readonly FrozenSet<string> Modelled =
        new[] { "hostname", "path", "service", "originRequest" }.ToFrozenSet(StringComparer.Ordinal);

    [JsonPropertyName("hostname")] public string? Hostname { get; set; }

    [JsonPropertyName("path")] public string? Path { get; set; }

    [JsonPropertyName("service")] public string? Service { get; set; }

    [JsonPropertyName("originRequest")] public OriginRequestWire? OriginRequest { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public static IngressRuleWire From(IngressRule rule) => new()
    {
        Hostname = rule.Hostname,
        Path = rule.Path,
        Service = rule.Service,
        OriginRequest = OriginRequestWire.From(rule.OriginRequest),
        Extra = WireExtensionData.ToWire(rule.ExtensionData, Modelled),
    };

    public IngressRule ToRule() => new(Hostname, Path, Service!, OriginRequest?.ToOptions())
    {
        ExtensionData = WireExtensionData.ToContract(Extra),
    };
}
