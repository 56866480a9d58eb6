using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>An Access group: a named set of rules that policies reference.</summary>
public sealed record AccessGroup
{
    /// <summary>The group id (a UUID).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The group name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary>Rules of which one must match.</summary>
    [JsonPropertyName("include")] public IReadOnlyList<AccessRule> Include { get; init; } = [];

    /// <summary>Rules of which none may match.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<AccessRule> Exclude { get; init; } = [];

    /// <summary>Rules of which all must match.</summary>
    [JsonPropertyName("require")] public IReadOnlyList<AccessRule> Require { get; init; } = [];

    /// <summary>Whether the group is the account's default.</summary>
    [JsonPropertyName("is_default")] public bool IsDefault { get; init; }

    /// <summary>When the group was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the group was last changed.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; init; }
}
