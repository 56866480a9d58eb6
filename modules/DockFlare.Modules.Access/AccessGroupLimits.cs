namespace DockFlare.Modules.Access;

/// <summary>
/// Sizes an Access group may have when it is written through the API or the UI. They keep the one JSON setting that
/// holds every group (and each reconcile pass that reads it) small; Cloudflare's own limits are far above them.
/// </summary>
public static class AccessGroupLimits
{
    /// <summary>Stored groups at most (system groups are not stored).</summary>
    public const int MaxGroups = 200;

    /// <summary>Rules at most in each of include, exclude and require.</summary>
    public const int MaxRulesPerList = 100;

    /// <summary>Characters at most of a group's name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Characters at most of one rule as JSON.</summary>
    public const int MaxRuleLength = 1000;

    /// <summary>Allowed identity providers at most.</summary>
    public const int MaxIdentityProviders = 20;
}
