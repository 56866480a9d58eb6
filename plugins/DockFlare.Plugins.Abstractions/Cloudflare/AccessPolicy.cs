using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>An Access policy as Cloudflare returns it: reusable (account level) or scoped to one application.</summary>
public sealed record AccessPolicy
{
    /// <summary>The policy id (a UUID).</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>The policy name.</summary>
    [JsonPropertyName("name")] public string Name { get; init; } = "";

    /// <summary><c>allow</c>, <c>deny</c>, <c>non_identity</c> or <c>bypass</c>.</summary>
    [JsonPropertyName("decision")] public string Decision { get; init; } = "";

    /// <summary>Rules of which one must match.</summary>
    [JsonPropertyName("include")] public IReadOnlyList<AccessRule> Include { get; init; } = [];

    /// <summary>Rules of which none may match.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<AccessRule> Exclude { get; init; } = [];

    /// <summary>Rules of which all must match.</summary>
    [JsonPropertyName("require")] public IReadOnlyList<AccessRule> Require { get; init; } = [];

    /// <summary>A session duration overriding the application's (Go duration), if any.</summary>
    [JsonPropertyName("session_duration")] public string? SessionDuration { get; init; }

    /// <summary>The policy's order within an application (in an application's context only).</summary>
    [JsonPropertyName("precedence")] public int? Precedence { get; init; }

    /// <summary>Whether this is a reusable (account-level) policy.</summary>
    [JsonPropertyName("reusable")] public bool Reusable { get; init; }

    /// <summary>How many applications use this reusable policy.</summary>
    [JsonPropertyName("app_count")] public int? AppCount { get; init; }

    /// <summary>Whether users must give a justification.</summary>
    [JsonPropertyName("purpose_justification_required")] public bool? PurposeJustificationRequired { get; init; }

    /// <summary>The prompt shown when a justification is required.</summary>
    [JsonPropertyName("purpose_justification_prompt")] public string? PurposeJustificationPrompt { get; init; }

    /// <summary>Whether access needs an approval.</summary>
    [JsonPropertyName("approval_required")] public bool? ApprovalRequired { get; init; }

    /// <summary>Whether browser isolation is required.</summary>
    [JsonPropertyName("isolation_required")] public bool? IsolationRequired { get; init; }

    /// <summary>When the policy was created.</summary>
    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the policy was last changed.</summary>
    [JsonPropertyName("updated_at")] public DateTimeOffset? UpdatedAt { get; init; }
}
