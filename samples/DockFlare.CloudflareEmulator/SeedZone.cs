using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>A seeded zone with its records.</summary>
public sealed record SeedZone
{
    /// <summary>The id (32 lower-case hex); derived from the name when not set.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The zone name, such as <c>example.com</c>.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "example.com";

    /// <summary>The zone status (<c>active</c>, <c>pending</c>...).</summary>
    [JsonPropertyName("status")] public string Status { get; init; } = "active";

    /// <summary>Records present from the start.</summary>
    [JsonPropertyName("records")] public IReadOnlyList<SeedDnsRecord> Records { get; init; } = [];
}
