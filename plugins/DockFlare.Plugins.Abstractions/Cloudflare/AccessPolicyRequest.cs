using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The content of an Access policy, for a create or a replace.</summary>
/// <param name="Name">The policy name.</param>
/// <param name="Decision"><c>allow</c>, <c>deny</c>, <c>non_identity</c> or <c>bypass</c>.</param>
/// <param name="Include">Rules of which one must match (at least one rule).</param>
/// <param name="Exclude">Rules of which none may match.</param>
/// <param name="Require">Rules of which all must match.</param>
/// <param name="SessionDuration">Overrides the application's session duration (Go duration such as <c>24h</c>).</param>
/// <param name="Precedence">The order within an application (application-scoped policies only).</param>
/// <param name="PurposeJustificationRequired">Whether users must give a justification.</param>
/// <param name="PurposeJustificationPrompt">The prompt shown for the justification.</param>
public sealed record AccessPolicyRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("include")] IReadOnlyList<AccessRule> Include,
    [property: JsonPropertyName("exclude")] IReadOnlyList<AccessRule>? Exclude = null,
    [property: JsonPropertyName("require")] IReadOnlyList<AccessRule>? Require = null,
    [property: JsonPropertyName("session_duration")] string? SessionDuration = null,
    [property: JsonPropertyName("precedence")] int? Precedence = null,
    [property: JsonPropertyName("purpose_justification_required")] bool? PurposeJustificationRequired = null,
    [property: JsonPropertyName("purpose_justification_prompt")] string? PurposeJustificationPrompt = null);
