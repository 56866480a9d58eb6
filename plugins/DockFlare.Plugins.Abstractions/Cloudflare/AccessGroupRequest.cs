using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The content of an Access group, for a create or a replace.</summary>
/// <param name="Name">The group name.</param>
/// <param name="Include">Rules of which one must match (at least one rule).</param>
/// <param name="Exclude">Rules of which none may match.</param>
/// <param name="Require">Rules of which all must match.</param>
/// <param name="IsDefault">Whether the group is the account's default.</param>
public sealed record AccessGroupRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("include")] IReadOnlyList<AccessRule> Include,
    [property: JsonPropertyName("exclude")] IReadOnlyList<AccessRule>? Exclude = null,
    [property: JsonPropertyName("require")] IReadOnlyList<AccessRule>? Require = null,
    [property: JsonPropertyName("is_default")] bool? IsDefault = null);
