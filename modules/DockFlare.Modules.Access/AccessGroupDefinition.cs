using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// One Access group of DockFlare: a named set of rules that becomes one reusable Cloudflare Access
/// policy, plus the application settings a route takes from its first group (reference §1.6). This is
/// the shape stored in the <c>access.groups</c> setting and the <c>group</c> of the REST API.
/// </summary>
public sealed record AccessGroupDefinition
{
    /// <summary>The group's id, which labels name (<c>access.group=&lt;id&gt;</c>).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>A display name (optional).</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>The policy decision: allow, deny, non_identity or bypass.</summary>
    [JsonPropertyName("decision")] public required string Decision { get; init; }

    /// <summary>Rules of which any one must match.</summary>
    [JsonPropertyName("include")] public IReadOnlyList<AccessRule> Include { get; init; } = [];

    /// <summary>Rules of which none may match.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<AccessRule> Exclude { get; init; } = [];

    /// <summary>Rules that must all match.</summary>
    [JsonPropertyName("require")] public IReadOnlyList<AccessRule> Require { get; init; } = [];

    /// <summary>The session duration of the applications that use the group first.</summary>
    [JsonPropertyName("session_duration")] public string SessionDuration { get; init; } = "24h";

    /// <summary>Whether those applications show in the App Launcher.</summary>
    [JsonPropertyName("app_launcher_visible")] public bool AppLauncherVisible { get; init; }

    /// <summary>Identity-provider ids the applications allow (empty: all).</summary>
    [JsonPropertyName("allowed_idps")] public IReadOnlyList<string> AllowedIdps { get; init; } = [];

    /// <summary>Whether the applications skip the IdP choice (needs exactly one allowed IdP).</summary>
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
    internal AccessPolicyRequest ToPolicyRequest() =>
        new(PolicyName, Decision, Include, Exclude.Count == 0 ? null : Exclude, Require.Count == 0 ? null : Require);

    /// <summary>Whether a live policy already enforces exactly this group's rules.</summary>
    internal bool IsEnforcedBy(AccessPolicy policy) =>
        string.Equals(policy.Name, PolicyName, StringComparison.Ordinal)
        && string.Equals(policy.Decision, Decision, StringComparison.Ordinal)
        && policy.Include.SequenceEqual(Include)
        && policy.Exclude.SequenceEqual(Exclude)
        && policy.Require.SequenceEqual(Require);
}
