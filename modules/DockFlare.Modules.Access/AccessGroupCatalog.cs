using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>The two system groups every DockFlare has, with the original's policy names and semantics.</summary>
internal static class AccessGroupCatalog
{
    public const string BypassGroup = "public-default-bypass";
    public const string AuthenticatedGroup = "authenticated-default";
    public const string BypassPolicyName = "DockFlare-Default-Public-Access-Bypass";
    public const string AuthenticatedPolicyName = "DockFlare-Default-Authenticated-Access";

    public static bool IsSystem(string groupId) => groupId is BypassGroup or AuthenticatedGroup;

    /// <summary>Public: decision bypass, include everyone.</summary>
    public static AccessGroupDefinition Bypass() => new()
    {
        Id = BypassGroup,
        Name = "Public (bypass)",
        Decision = "bypass",
        Include = [AccessRule.Everyone()],
    };

    /// <summary>
    /// Authenticated: one-time PIN login by a member of the Cloudflare account. The original wrote
    /// include login_method + require one e-mail; with several members that shape cannot list them all
    /// (every require rule must match), so the e-mails go into include and the login method into require,
    /// which is the same condition for one member and the right one for several.
    /// </summary>
    public static AccessGroupDefinition Authenticated(string oneTimePinIdpId, IReadOnlyList<string> memberEmails) => new()
    {
        Id = AuthenticatedGroup,
        Name = "Authenticated (account members, one-time PIN)",
        Decision = "allow",
        Include = [.. memberEmails.Select(AccessRule.Email)],
        Require = [AccessRule.LoginMethod(oneTimePinIdpId)],
    };

    /// <summary>authenticated-default when it cannot be made: its shape without the rules it would get.</summary>
    public static AccessGroupDefinition AuthenticatedPlaceholder() => new()
    {
        Id = AuthenticatedGroup,
        Name = "Authenticated (account members, one-time PIN)",
        Decision = "allow",
    };
}
