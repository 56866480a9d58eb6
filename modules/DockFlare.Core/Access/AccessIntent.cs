namespace DockFlare.Core.Access;

/// <summary>The Access application wanted in front of one route (a hostname, or a hostname and path).</summary>
/// <param name="Hostname">The normalised hostname.</param>
/// <param name="Path">The plain path prefix the app covers (<c>/api</c>), or null for the whole host.</param>
/// <param name="Mode">What kind of protection is wanted.</param>
public sealed record AccessIntent(string Hostname, string? Path, AccessMode Mode)
{
    /// <summary>The app's domain: <c>host</c> or <c>host/path</c>.</summary>
    public string Domain => Path is null ? Hostname : Hostname + Path;

    /// <summary>Access group ids (Groups mode), after legacy rewrites such as <c>bypass</c> → <c>public-default-bypass</c>.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The app name; null means the default <c>DockFlare-&lt;domain&gt;</c>.</summary>
    public string? AppName { get; init; }

    /// <summary>The session duration, a Go duration such as <c>24h</c>.</summary>
    public string SessionDuration { get; init; } = "24h";

    /// <summary>Whether the app shows in the App Launcher.</summary>
    public bool AppLauncherVisible { get; init; }

    /// <summary>Allowed identity-provider ids; empty means all.</summary>
    public IReadOnlyList<string> AllowedIdps { get; init; } = [];

    /// <summary>Skip the IdP chooser (needs exactly one allowed IdP).</summary>
    public bool AutoRedirectToIdentity { get; init; }

    /// <summary>The validated JSON array of inline policies (CustomRules mode).</summary>
    public string? CustomRulesJson { get; init; }

    /// <summary>The legacy <c>access.policy</c> value that produced this intent, for display.</summary>
    public string? LegacyPolicy { get; init; }

    /// <summary>Value equality, lists included, so that desired and stored intents compare as data.</summary>
    public bool Equals(AccessIntent? other) =>
        other is not null
        && Hostname == other.Hostname && Path == other.Path && Mode == other.Mode
        && Groups.SequenceEqual(other.Groups, StringComparer.Ordinal)
        && AppName == other.AppName && SessionDuration == other.SessionDuration
        && AppLauncherVisible == other.AppLauncherVisible
        && AllowedIdps.SequenceEqual(other.AllowedIdps, StringComparer.Ordinal)
        && AutoRedirectToIdentity == other.AutoRedirectToIdentity
        && CustomRulesJson == other.CustomRulesJson && LegacyPolicy == other.LegacyPolicy;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Hostname, Path, Mode, Groups.Count, AppName, SessionDuration, CustomRulesJson);

    /// <summary>A "no Access labels" intent for a route.</summary>
    public static AccessIntent NoneFor(string hostname, string? path) => new(hostname, path, AccessMode.None);
}
