using DockFlare.Core.Access;

namespace DockFlare.Modules.Access;

/// <summary>The parts of an application both the writer and the reader derive from an intent.</summary>
internal static class AccessAppShape
{
    /// <summary>The original's default name: <c>DockFlare-host</c>, or <c>DockFlare-host-a-b</c> for the path <c>/a/b</c>.</summary>
    public static string DefaultName(string hostname, string? path) =>
        "DockFlare-" + hostname + (path is null ? "" : "-" + path.Trim('/').Replace('/', '-'));

    /// <summary>Whether the intent leaves every application setting at its default, so a Groups app takes them from its first group.</summary>
    public static bool HasDefaultSettings(AccessIntent intent) =>
        intent.SessionDuration == "24h" && !intent.AppLauncherVisible && intent.AllowedIdps.Count == 0 && !intent.AutoRedirectToIdentity;

    /// <summary>The intent's settings, or (Groups mode with default settings) those of its first group, as the original did.</summary>
    public static AccessIntent EffectiveSettings(AccessIntent intent, AccessGroupDefinition? firstGroup) =>
        intent.Mode == AccessMode.Groups && firstGroup is not null && HasDefaultSettings(intent)
            ? intent with
            {
                SessionDuration = firstGroup.SessionDuration,
                AppLauncherVisible = firstGroup.AppLauncherVisible,
                AllowedIdps = firstGroup.AllowedIdps,
                AutoRedirectToIdentity = firstGroup.AutoRedirectToIdentity,
            }
            : intent;

    /// <summary>Splits <c>host[/path]</c>.</summary>
    public static (string Hostname, string? Path) Split(string domain)
    {
        var slash = domain.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (domain, null) : (domain[..slash], domain[slash..]);
    }
}
