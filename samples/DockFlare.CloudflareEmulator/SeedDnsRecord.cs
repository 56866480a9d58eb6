using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>A seeded DNS record.</summary>
/// <param name="Type">The record type.</param>
/// <param name="Name">The full name, or a name relative to the zone.</param>
/// <param name="Content">The content.</param>
/// <param name="Proxied">Whether it is proxied.</param>
public sealed record SeedDnsRecord(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("proxied")] bool Proxied = false);
