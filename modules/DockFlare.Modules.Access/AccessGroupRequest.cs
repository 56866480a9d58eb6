using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// A group as a client writes it: the fields of <see cref="AccessGroupDefinition"/>, all optional here so that a missing
/// one is named in the answer rather than failing the JSON reader. Unknown fields are refused, so a misspelt one
/// (<c>sessionDuration</c>) is not silently ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AccessGroupRequest
{
    /// <summary>The group's id; required on create, optional on replace (then it must be the URL's).</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }

    /// <summary>A display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; init; }

    /// <summary>allow, deny, non_identity or bypass.</summary>
    [JsonPropertyName("decision")] public string? Decision { get; init; }

    /// <summary>Rules of which any one must match (at least one).</summary>
    [JsonPropertyName("include")] public IReadOnlyList<AccessRule>? Include { get; init; }

    /// <summary>Rules of which none may match.</summary>
    [JsonPropertyName("exclude")] public IReadOnlyList<AccessRule>? Exclude { get; init; }

    /// <summary>Rules that must all match.</summary>
    [JsonPropertyName("require")] public IReadOnlyList<AccessRule>? Require { get; init; }

    /// <summary>Session duration of the applications (default 24h).</summary>
    [JsonPropertyName("session_duration")] public string? SessionDuration { get; init; }

    /// <summary>Whether the applications show in the App Launcher (default false).</summary>
    [JsonPropertyName("app_launcher_visible")] public bool? AppLauncherVisible { get; init; }

    /// <summary>Identity-provider ids the applications allow.</summary>
    [JsonPropertyName("allowed_idps")] public IReadOnlyList<string>? AllowedIdps { get; init; }

    /// <summary>Whether the applications skip the IdP choice.</summary>
    [JsonPropertyName("auto_redirect_to_identity")] public bool? AutoRedirectToIdentity { get; init; }

    /// <summary>The request as a group of id <paramref name="id"/>, with defaults for what it leaves out.</summary>
    public AccessGroupDefinition ToDefinition(string id) => new()
    {
        Id = id,
        Name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim(),
        Decision = Decision?.Trim() ?? "",
        Include = Include ?? [],
        Exclude = Exclude ?? [],
        Require = Require ?? [],
        SessionDuration = string.IsNullOrWhiteSpace(SessionDuration) ? "24h" : SessionDuration.Trim(),
        AppLauncherVisible = AppLauncherVisible ?? false,
        AllowedIdps = AllowedIdps ?? [],
        AutoRedirectToIdentity = AutoRedirectToIdentity ?? false,
    };

    /// <summary>The request that writes <paramref name="group"/> again.</summary>
    public static AccessGroupRequest From(AccessGroupDefinition group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new()
        {
            Id = group.Id,
            Name = group.Name,
            Decision = group.Decision,
            Include = group.Include,
            Exclude = group.Exclude,
            Require = group.Require,
            SessionDuration = group.SessionDuration,
            AppLauncherVisible = group.AppLauncherVisible,
            AllowedIdps = group.AllowedIdps,
            AutoRedirectToIdentity = group.AutoRedirectToIdentity,
        };
    }
}
