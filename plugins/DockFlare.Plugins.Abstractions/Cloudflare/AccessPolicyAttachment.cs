using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>
/// A policy attached to an application in an application request: either a link to a reusable policy
/// (<see cref="Link"/>) or an inline application-scoped policy (<see cref="Inline"/>).
/// </summary>
public sealed record AccessPolicyAttachment
{
    /// <summary>The reusable policy linked, for a link.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>The order within the application; unique per application.</summary>
    [JsonPropertyName("precedence")] public int? Precedence { get; init; }

    /// <summary>For an inline policy: its name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>For an inline policy: its decision.</summary>
    [JsonPropertyName("decision")] public string? Decision { get; init; }

    /// <summary>For an inline policy: rules of which one must match.</summary>
    [JsonPropertyName("include")] public IReadOnlyList<AccessRule>? Include { get; init; }

    /// <summary>For an inline policy: rules of which none may match.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<AccessRule>? Exclude { get; init; }

    /// <summary>For an inline policy: rules of which all must match.</summary>
    [JsonPropertyName("require")] public IReadOnlyList<AccessRule>? Require { get; init; }

    /// <summary>For an inline policy: its session duration.</summary>
    [JsonPropertyName("session_duration")] public string? SessionDuration { get; init; }

    /// <summary>Links the reusable policy <paramref name="policyId"/> at <paramref name="precedence"/>.</summary>
    public static AccessPolicyAttachment Link(string policyId, int precedence) => new() { Id = policyId, Precedence = precedence };

    /// <summary>Embeds <paramref name="policy"/> as an application-scoped policy at <paramref name="precedence"/>.</summary>
    public static AccessPolicyAttachment Inline(AccessPolicyRequest policy, int precedence)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new()
        {
            Precedence = precedence,
            Name = policy.Name,
            Decision = policy.Decision,
            Include = policy.Include,
            Exclude = policy.Exclude,
            Require = policy.Require,
            SessionDuration = policy.SessionDuration,
        };
    }
}
