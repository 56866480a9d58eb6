using DockFlare.Core.Access;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// Reads a live application back into the intent that would produce it, the exact inverse of
/// <see cref="AccessAppRequestBuilder"/>, so an unchanged route plans no write. Null when the
/// application's policies express nothing DockFlare makes (a foreign policy, a mix of kinds).
/// </summary>
internal static class AccessIntentReader
{
    public static AccessIntent? Read(AccessApplication app, AccessGroupSnapshot groups, AppliedIntentNote? note, bool useReusablePolicies)
    {
        if (app.Domain is null || app.Policies.Count == 0)
        {
            return null;
        }

        var (hostname, path) = AccessAppShape.Split(app.Domain);
        var policies = app.Policies.OrderBy(p => p.Precedence ?? int.MaxValue).ToList();
        var live = new AccessIntent(hostname, path, AccessMode.Groups)
        {
            AppName = app.Name == AccessAppShape.DefaultName(hostname, path) ? null : app.Name,
            SessionDuration = app.SessionDuration ?? "24h",
            AppLauncherVisible = app.AppLauncherVisible,
            AllowedIdps = app.AllowedIdps ?? [],
            AutoRedirectToIdentity = app.AutoRedirectToIdentity,
        };

        AccessIntent intent;
        if (GroupsOf(policies, groups, useReusablePolicies) is { } groupIds)
        {
            intent = live with { Groups = groupIds };
            var fromGroup = AccessAppShape.EffectiveSettings(intent with { SessionDuration = "24h", AppLauncherVisible = false, AllowedIdps = [], AutoRedirectToIdentity = false }, groups.Groups[groupIds[0]]);
            if (SameSettings(fromGroup, intent))
            {
                intent = fromGroup with { SessionDuration = "24h", AppLauncherVisible = false, AllowedIdps = [], AutoRedirectToIdentity = false };
            }
        }
        else if (policies.All(p => !p.Reusable))
        {
            intent = live with { Mode = AccessMode.CustomRules, CustomRulesJson = CustomRulesCodec.FromPolicies(policies) };
        }
        else
        {
            return null;
        }

        return note is null || note.Mode != intent.Mode ? intent : WithNote(intent, note);
    }

    private static List<string>? GroupsOf(List<AccessPolicy> policies, AccessGroupSnapshot groups, bool useReusablePolicies)
    {
        var ids = new List<string>();
        foreach (var policy in policies)
        {
            if (policy.Reusable)
            {
                if (!groups.GroupsByPolicyId.TryGetValue(policy.Id, out var id))
                {
                    return null;
                }

                ids.Add(id);
            }
            else
            {
                // Inline copies of groups exist only when reusable policies are off, and must match the group exactly.
                var group = useReusablePolicies ? null : groups.Groups.Values.FirstOrDefault(g => g.IsEnforcedBy(policy));
                if (group is null)
                {
                    return null;
                }

                ids.Add(group.Id);
            }
        }

        return ids;
    }

    private static bool SameSettings(AccessIntent a, AccessIntent b) =>
        a.SessionDuration == b.SessionDuration && a.AppLauncherVisible == b.AppLauncherVisible
        && a.AllowedIdps.SequenceEqual(b.AllowedIdps, StringComparer.Ordinal) && a.AutoRedirectToIdentity == b.AutoRedirectToIdentity;

    private static AccessIntent WithNote(AccessIntent intent, AppliedIntentNote note)
    {
        var result = intent with { LegacyPolicy = note.LegacyPolicy };
        if (intent.Mode != AccessMode.CustomRules || note.CustomRulesJson is null)
        {
            return result;
        }

        try
        {
            // The text as written, when the live policies still are exactly what it asks for.
            return CustomRulesCodec.Canonical(note.CustomRulesJson) == intent.CustomRulesJson ? result with { CustomRulesJson = note.CustomRulesJson } : result;
        }
        catch (ReconcileException)
        {
            return result;
        }
    }
}
