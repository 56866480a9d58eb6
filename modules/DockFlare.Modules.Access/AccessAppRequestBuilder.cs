using DockFlare.Core.Access;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access;

/// <summary>
/// Builds the whole application request, policies included, so an application is never live without
/// them. Anything that cannot be expressed exactly throws <see cref="ReconcileException"/>: no request
/// that could be more permissive than the intent is ever built.
/// </summary>
internal static class AccessAppRequestBuilder
{
    public static AccessApplicationRequest Build(AccessIntent intent, AccessGroupSnapshot groups, bool useReusablePolicies)
    {
        var domain = intent.Domain;
        IReadOnlyList<AccessPolicyAttachment> policies;
        AccessGroupDefinition? firstGroup = null;
        switch (intent.Mode)
        {
            case AccessMode.Groups:
                if (intent.Groups.Count == 0)
                {
                    throw new ReconcileException($"The Access application of {domain} names no Access group; it is not written.");
                }

                var attachments = new List<AccessPolicyAttachment>();
                for (var i = 0; i < intent.Groups.Count; i++)
                {
                    var id = intent.Groups[i];
                    if (!groups.Groups.TryGetValue(id, out var group)
                        || (useReusablePolicies && !groups.PolicyIds.ContainsKey(id)))
                    {
                        throw new ReconcileException($"The Access application of {domain} needs Access group '{id}', which is not available; it is not written.");
                    }

                    firstGroup ??= group;
                    attachments.Add(useReusablePolicies
                        ? AccessPolicyAttachment.Link(groups.PolicyIds[id], i + 1)
                        : AccessPolicyAttachment.Inline(group.ToPolicyRequest(), i + 1));
                }

                policies = attachments;
                break;
            case AccessMode.CustomRules:
                policies = [.. CustomRulesCodec.Parse(intent.CustomRulesJson, domain).Select((p, i) => AccessPolicyAttachment.Inline(p, i + 1))];
                break;
            default:
                // ZoneDefault relies on the zone's wildcard application and None wants no application.
                throw new ReconcileException($"Access mode {intent.Mode} of {domain} has no application of its own; nothing is written.");
        }

        var settings = AccessAppShape.EffectiveSettings(intent, firstGroup);
        if (settings.AutoRedirectToIdentity && settings.AllowedIdps.Count != 1)
        {
            throw new ReconcileException($"The Access application of {domain} asks for auto-redirect without exactly one identity provider; it is not written.");
        }

        return new AccessApplicationRequest
        {
            Name = intent.AppName ?? AccessAppShape.DefaultName(intent.Hostname, intent.Path),
            Domain = domain,
            SelfHostedDomains = [domain],
            SessionDuration = settings.SessionDuration,
            AppLauncherVisible = settings.AppLauncherVisible,
            AllowedIdps = settings.AllowedIdps,
            AutoRedirectToIdentity = settings.AutoRedirectToIdentity,
            Policies = policies,
        };
    }
}
