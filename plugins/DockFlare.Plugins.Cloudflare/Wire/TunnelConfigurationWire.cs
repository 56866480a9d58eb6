using System.Text.Json;
using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>The configurations result: <c>{tunnel_id, version, config, source, created_at}</c>; config may be null.</summary>
internal sealed record TunnelConfigurationWire(
    [property: JsonPropertyName("tunnel_id")] string? TunnelId,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("config")] TunnelIngressConfigurationWire? Config,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt)
{
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }

    public TunnelConfiguration ToConfiguration(string tunnelId) =>
        new(TunnelId ?? tunnelId, Version ?? 0, Config?.ToConfiguration() ?? new TunnelIngressConfiguration([]), Source, CreatedAt)
        {
            ExtensionData = WireExtensionData.ToContract(Extra),
        };
}
