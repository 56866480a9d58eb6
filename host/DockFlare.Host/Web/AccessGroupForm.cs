using DockFlare.Modules.Access;

namespace DockFlare.Host.Web;

/// <summary>
/// The fields of the Access group form, bound from the posted form and turned into the REST API's request. Rules are
/// one per line (<see cref="AccessRuleLines"/>); identity providers are separated by commas or lines.
/// </summary>
internal sealed class AccessGroupForm
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string Decision { get; set; } = "allow";

    public string? Include { get; set; }

    public string? Exclude { get; set; }

    public string? Require { get; set; }

    public string? SessionDuration { get; set; } = "24h";

    public bool AppLauncherVisible { get; set; }

    public string? AllowedIdps { get; set; }

    public bool AutoRedirectToIdentity { get; set; }

    public static AccessGroupForm From(AccessGroupDefinition group) => new()
    {
        Id = group.Id,
        Name = group.Name,
        Decision = group.Decision,
        Include = AccessRuleLines.Format(group.Include),
        Exclude = AccessRuleLines.Format(group.Exclude),
        Require = AccessRuleLines.Format(group.Require),
        SessionDuration = group.SessionDuration,
        AppLauncherVisible = group.AppLauncherVisible,
        AllowedIdps = string.Join("\n", group.AllowedIdps),
        AutoRedirectToIdentity = group.AutoRedirectToIdentity,
    };

    /// <summary>The request the service validates, or the problem of a rules field whose line is not a rule.</summary>
    public (AccessGroupRequest? Request, string? Problem) ToRequest()
    {
        var (include, includeProblem) = AccessRuleLines.Parse(Include, "Include");
        var (exclude, excludeProblem) = AccessRuleLines.Parse(Exclude, "Exclude");
        var (require, requireProblem) = AccessRuleLines.Parse(Require, "Require");
        if ((includeProblem ?? excludeProblem ?? requireProblem) is { } problem)
        {
            return (null, problem);
        }

        return (new AccessGroupRequest
        {
            Id = Id,
            Name = Name,
            Decision = Decision,
            Include = include,
            Exclude = exclude,
            Require = require,
            SessionDuration = SessionDuration,
            AppLauncherVisible = AppLauncherVisible,
            AllowedIdps = [.. (AllowedIdps ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            AutoRedirectToIdentity = AutoRedirectToIdentity,
        }, null);
    }
}
