using System.Collections.Frozen;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DockFlare.Core.Access;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// Refuses Access groups that would let in more people than intended (case B26): an <c>allow</c>
/// group must name who is allowed (an e-mail, an e-mail domain, an identity-provider group...), so a
/// group of only an identity provider, a country or "everyone" is rejected; public groups use bypass.
/// Groups written through the API or the UI are also checked rule by rule (<see cref="Validate"/>).
/// </summary>
internal static partial class AccessGroupValidator
{
    private const int MaxProblemsShown = 20;

    private static readonly FrozenSet<string> Decisions = new[] { "allow", "deny", "non_identity", "bypass" }.ToFrozenSet(StringComparer.Ordinal);

    // Rule kinds that restrict WHO a person is, not only how or where they logged in.
    private static readonly FrozenSet<string> IdentityKinds = new[]
    {
        "email", "email_domain", "email_list", "group", "azureAD", "gsuite", "okta", "saml", "github-organization",
        "oidc", "common_name", "certificate", "service_token", "any_valid_service_token", "cloudflare_account_member",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The field a rule of these kinds cannot do without (Cloudflare API, rule objects).
    private static readonly FrozenDictionary<string, string> RequiredField = new Dictionary<string, string>
    {
        ["email"] = "email", ["email_domain"] = "domain", ["email_list"] = "id", ["ip"] = "ip", ["ip_list"] = "id",
        ["group"] = "id", ["service_token"] = "token_id", ["geo"] = "country_code", ["auth_method"] = "auth_method",
        ["device_posture"] = "integration_uid", ["common_name"] = "common_name", ["login_method"] = "id",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Null when the group may be synced, else why not (what a reconcile pass checks).</summary>
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

    /// <summary>
    /// Every problem of a group that is about to be stored, each naming the group, and the list and position of a bad
    /// rule (<c>include rule 2</c>, counted from 1); empty when it may be stored.
    /// </summary>
    public static IReadOnlyList<string> Validate(AccessGroupDefinition group)
    {
        var problems = new List<string>();
        var prefix = $"Access group '{group.Id}'";
        if (AccessGroupCatalog.IsSystem(group.Id))
        {
            return [$"{prefix} is a system group: it is built by DockFlare and cannot be written."];
        }

        if (Check(group) is { } problem)
        {
            problems.Add($"{prefix}: {problem}.");
        }

        if (group.Name is { } name && (name.Length > AccessGroupLimits.MaxNameLength || name.Any(char.IsControl)))
        {
            problems.Add($"{prefix}: name must be one line of at most {AccessGroupLimits.MaxNameLength} characters.");
        }

        if (!GoDuration().IsMatch(group.SessionDuration))
        {
            problems.Add($"{prefix}: session_duration '{group.SessionDuration}' is not a duration such as 24h, 30m or 2h45m.");
        }

        if (group.AllowedIdps.Count > AccessGroupLimits.MaxIdentityProviders)
        {
            problems.Add($"{prefix}: allowed_idps has {group.AllowedIdps.Count} entries, more than the limit of {AccessGroupLimits.MaxIdentityProviders}.");
        }

        if (group.AllowedIdps.FirstOrDefault(i => !Guid.TryParse(i, out _)) is { } idp)
        {
            problems.Add($"{prefix}: '{idp}' in allowed_idps is not an identity-provider id (a UUID from Zero Trust → Settings → Authentication).");
        }

        CheckRules(prefix, "include", group.Include, problems);
        CheckRules(prefix, "exclude", group.Exclude, problems);
        CheckRules(prefix, "require", group.Require, problems);
        return problems.Count > MaxProblemsShown ? [.. problems.Take(MaxProblemsShown), $"{prefix}: and {problems.Count - MaxProblemsShown} more problems."] : problems;
    }

    private static void CheckRules(string prefix, string list, IReadOnlyList<AccessRule> rules, List<string> problems)
    {
        if (rules.Count > AccessGroupLimits.MaxRulesPerList)
        {
            problems.Add($"{prefix}: {list} has {rules.Count} rules, more than the limit of {AccessGroupLimits.MaxRulesPerList}.");
            return;
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (RuleProblem(rules[i]) is { } problem)
            {
                var text = rules[i].ToString();
                var shown = text.Length > 120 ? text[..120] + "…" : text;
                problems.Add($"{prefix}, {list} rule {i + 1} ({shown}): {problem}.");
            }
        }
    }

    /// <summary>Null when Cloudflare can take the rule as it is, else what is wrong with it.</summary>
    public static string? RuleProblem(AccessRule rule)
    {
        if (!AccessRuleKinds.All.Contains(rule.Kind))
        {
            return $"'{rule.Kind}' is not a Cloudflare Access rule type (for example email, email_domain, ip, group, geo, everyone)";
        }

        if (rule.Body.ValueKind != JsonValueKind.Object)
        {
            return $"the value of '{rule.Kind}' must be an object";
        }

        if (rule.ToString().Length > AccessGroupLimits.MaxRuleLength)
        {
            return $"it is longer than {AccessGroupLimits.MaxRuleLength} characters";
        }

        if (!RequiredField.TryGetValue(rule.Kind, out var field))
        {
            return null;
        }

        if (!rule.Body.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            return $"'{rule.Kind}' needs a non-empty '{field}'";
        }

        var text = value.GetString()!;
        return rule.Kind switch
        {
            "email" when !Email().IsMatch(text) => $"'{text}' is not an e-mail address",
            "email_domain" when !Domain().IsMatch(text) => $"'{text}' is not a domain such as example.com (no '@')",
            "ip" when !IPAddress.TryParse(text, out _) && !IPNetwork.TryParse(text, out _) => $"'{text}' is not an IP address or CIDR range such as 10.0.0.0/8",
            "geo" when !Country().IsMatch(text) => $"'{text}' is not a two-letter country code such as DE",
            _ => null,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupId();

    [GeneratedRegex(@"^(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Country();
}
