using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// One Access group of DockFlare: a named set of rules that becomes one reusable Cloudflare Access
/// policy, plus the application settings a route takes from its first group (reference §1.6).
/// </summary>
internal sealed record AccessGroupDefinition
{
    [JsonPropertyName("id")] public required string Id { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("decision")] public required string Decision { get; init; }

    [JsonPropertyName("include")] public IReadOnlyList<AccessRule> Include { get; init; } = [];

    [JsonPropertyName("exclude")] public IReadOnlyList<AccessRule> Exclude { get; init; } = [];

    [JsonPropertyName("require")] public IReadOnlyList<AccessRule> Require { get; init; } = [];

    [JsonPropertyName("session_duration")] public string SessionDuration { get; init; } = "24h";

    [JsonPropertyName("app_launcher_visible")] public bool AppLauncherVisible { get; init; }

    [JsonPropertyName("allowed_idps")] public IReadOnlyList<string> AllowedIdps { get; init; } = [];

    [JsonPropertyName("auto_redirect_to_identity")] public bool AutoRedirectToIdentity { get; init; }

    /// <summary>The name of the Cloudflare policy: system groups keep the original's names.</summary>
    [JsonIgnore]
    public string PolicyName => Id switch
    {
        AccessGroupCatalog.BypassGroup => AccessGroupCatalog.BypassPolicyName,
        AccessGroupCatalog.AuthenticatedGroup => AccessGroupCatalog.AuthenticatedPolicyName,
        _ => "DockFlare-AccessGroup-" + Id,
    };

    /// <summary>The policy content sent to Cloudflare (reusable, or inline when reusable policies are off).</summary>
    public AccessPolicyRequest ToPolicyRequest() =>
        new(PolicyName, Decision, Include, Exclude.Count == 0 ? null : Exclude, Require.Count == 0 ? null : Require);

    /// <summary>Whether a live policy already enforces exactly this group's rules.</summary>
    public bool IsEnforcedBy(AccessPolicy policy) =>
        string.Equals(policy.Name, PolicyName, StringComparison.Ordinal)
        && string.Equals(policy.Decision, Decision, StringComparison.Ordinal)
        && policy.Include.SequenceEqual(Include)
        && policy.Exclude.SequenceEqual(Exclude)
        && policy.Require.SequenceEqual(Require);
}
