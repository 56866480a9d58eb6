using System.Text.Json.Serialization;

namespace DockFlare.CloudflareEmulator;

/// <summary>A seeded account.</summary>
public sealed record SeedAccount
{
    /// <summary>The id (32 lower-case hex); derived from the name when not set, so it is stable across runs.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The account name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "DockFlare Emulator";

    /// <summary>Whether Zero Trust Access is enabled (otherwise Access calls answer 403/9999).</summary>
    [JsonPropertyName("accessEnabled")] public bool AccessEnabled { get; init; } = true;

    /// <summary>The members' e-mail addresses (the first is the Administrator).</summary>
    [JsonPropertyName("members")] public IReadOnlyList<string> Members { get; init; } = ["admin@example.com"];

    /// <summary>The account's zones.</summary>
    [JsonPropertyName("zones")] public IReadOnlyList<SeedZone> Zones { get; init; } = [];
}
