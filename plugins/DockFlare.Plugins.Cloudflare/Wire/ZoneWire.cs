using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>A zone as the API sends it.</summary>
internal sealed record ZoneWire(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("paused")] bool? Paused,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("account")] NamedWire? Account)
{
    public CloudflareZone ToZone() => new(Id, Name, Status ?? "unknown", Paused ?? false, Type, Account?.Id, Account?.Name);
}
