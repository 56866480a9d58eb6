using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DockFlare.Modules.Access;

/// <summary>
/// Refuses Access groups that would let in more people than intended (case B26): an <c>allow</c>
/// group must name who is allowed (an e-mail, an e-mail domain, an identity-provider group...), so a
/// group of only an identity provider, a country or "everyone" is rejected; public groups use bypass.
/// </summary>
internal static partial class AccessGroupValidator
{
    private static readonly FrozenSet<string> Decisions = new[] { "allow", "deny", "non_identity", "bypass" }.ToFrozenSet(StringComparer.Ordinal);

    // Rule kinds that restrict WHO a person is, not only how or where they logged in.
    private static readonly FrozenSet<string> IdentityKinds = new[]
    {
        "email", "email_domain", "email_list", "group", "azureAD", "gsuite", "okta", "saml", "github-organization",
        "oidc", "common_name", "certificate", "service_token", "any_valid_service_token", "cloudflare_account_member",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Null when the group may be synced, else why not.</summary>
    public static string? Check(AccessGroupDefinition group)
    {
        if (!GroupId().IsMatch(group.Id))
        {
            return $"id '{group.Id}' must be 1-63 lower-case letters, digits, '-' or '_'";
        }

        if (!Decisions.Contains(group.Decision))
        {
            return $"decision '{group.Decision}' must be one of allow, deny, non_identity, bypass";
        }

        if (group.Include.Count == 0)
        {
            return "include must have at least one rule";
        }

        if (group.Decision == "allow" && !group.Include.Concat(group.Require).Any(r => IdentityKinds.Contains(r.Kind)))
        {
            return "an allow group must restrict who is allowed (e-mails, an e-mail domain or an identity-provider group); "
                + "an identity provider, a country or 'everyone' alone would let in anyone who can log in. Use decision bypass for a public group";
        }

        if (group.AutoRedirectToIdentity && group.AllowedIdps.Count != 1)
        {
            return "auto_redirect_to_identity needs exactly one allowed identity provider";
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupId();
}
