using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Planning;

/// <summary>
/// Decides, route by route, whether it can be published now. Everything that fails here fails
/// closed: the route gets no new ingress rule, DNS record or Access app, and what DockFlare
/// already owns for it is held exactly as it is (a bad label or a missing group never deletes a
/// working route, case B26). Known limit of holding: a route that was already public and now
/// asks for Access that cannot be confirmed stays as it was (public) with an error diagnostic,
/// because taking it down would be a deletion caused by bad Access configuration.
/// </summary>
internal static class RouteGate
{
    public static void Run(PlanningContext context)
    {
        var ambiguous = AmbiguousDomains(context.Routes);
        var unknownTunnels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < context.Routes.Count; i++)
        {
            var route = context.Routes[i];
            if (!context.Tunnels.TryGetValue(route.Tunnel, out var tunnel))
            {
                var first = unknownTunnels.Add(route.Tunnel);
                context.Block(i, PlanDiagnosticCodes.TunnelUnknown,
                    $"{route.Key} is not published: tunnel '{route.Tunnel}' was not found in the account{(first ? "" : " (see above)")}.");
            }
            else if (ForeignRuleWithKey(context, tunnel, route.Key) is { } foreign)
            {
                if (foreign == route.ToIngressRule())
                {
                    context.Status[i] = RouteStatus.ServedByForeign;
                    context.Report(DiagnosticSeverity.Info, PlanDiagnosticCodes.IngressForeignMatch, route.Source,
                        $"{route.Key} is already served by an identical rule on tunnel '{route.Tunnel}' that DockFlare did not create; it is left alone (adopt it to let DockFlare manage it).");
                }
                else
                {
                    context.Block(i, PlanDiagnosticCodes.IngressConflict,
                        $"{route.Key} is not published: tunnel '{route.Tunnel}' has a rule for it that DockFlare did not create (service '{foreign.Service}'); it is kept. Remove it or adopt it.");
                }
            }

            if (context.Status[i] != RouteStatus.Blocked && NeedsApp(route.Access))
            {
                CheckAccess(context, i, ambiguous);
            }
        }

        HoldInvalidSources(context);
    }

    public static bool NeedsApp(AccessIntent intent) => intent.Mode is AccessMode.Groups or AccessMode.CustomRules;

    public static AccessIntent Comparable(AccessIntent intent) => intent with { LegacyPolicy = null };

    private static void CheckAccess(PlanningContext context, int index, HashSet<string> ambiguous)
    {
        var route = context.Routes[index];
        var domain = AccessDomain.Canonical(route.Access.Domain);
        var available = context.Input.AvailableAccessGroups;
        var missing = available is null ? [] : route.Access.Groups.Where(g => !available.Contains(g)).ToList();
        if (context.Input.FailedAccessDomains?.FirstOrDefault(f => AccessDomain.Canonical(f.Key) == domain).Value is { } failure)
        {
            context.Block(index, PlanDiagnosticCodes.AccessFailed,
                $"{route.Key} is not published: its Access application could not be confirmed ({failure}).");
        }
        else if (ambiguous.Contains(domain))
        {
            context.Block(index, PlanDiagnosticCodes.AccessAmbiguous,
                $"{route.Key} is not published: routes of '{domain}' ask for different Access settings, so it is not clear which application protects it.");
        }
        else if (missing.Count > 0)
        {
            context.Block(index, PlanDiagnosticCodes.AccessUnresolved,
                $"{route.Key} is not published: Access group{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing.Select(g => $"'{g}'"))} do{(missing.Count == 1 ? "es" : "")} not exist.");
        }
        else if (context.Input.Observed.AccessApps.Where(a => !context.Ownership.OwnsAccess(a)).OrderBy(a => a.Id, StringComparer.Ordinal)
                     .FirstOrDefault(a => AccessDomain.Canonical(a.Domain) == domain) is { } foreignApp)
        {
            context.Block(index, PlanDiagnosticCodes.AccessConflict,
                $"{route.Key} is not published: Access application '{foreignApp.Name}' ({foreignApp.Id}), which DockFlare did not create, already covers '{domain}'. Remove it or adopt it.");
        }
    }

    private static IngressRule? ForeignRuleWithKey(PlanningContext context, ObservedTunnel tunnel, RouteKey key)
    {
        foreach (var rule in tunnel.Ingress)
        {
            if (!rule.IsCatchAll && OwnershipIndex.KeyOf(rule) == key && !context.Ownership.OwnsIngress(tunnel.Tunnel, key, out _))
            {
                return rule;
            }
        }

        return null;
    }

    // Two routes of one Access domain that want different apps: neither can be protected correctly.
    private static HashSet<string> AmbiguousDomains(IReadOnlyList<RouteSpec> routes) =>
    [
        .. routes.Where(r => NeedsApp(r.Access))
            .GroupBy(r => AccessDomain.Canonical(r.Access.Domain), StringComparer.Ordinal)
            .Where(g => g.Select(r => Comparable(r.Access)).Distinct().Count() > 1)
            .Select(g => g.Key),
    ];

    // The engine drops a route whose Access labels are invalid. Its objects must not be deleted
    // for that reason: hold every owned rule of the source that is no longer desired.
    private static void HoldInvalidSources(PlanningContext context)
    {
        var owners = context.Input.Desired.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Code == DiagnosticCodes.AccessInvalid && d.Source is not null)
            .Select(OwnerKeyOf)
            .ToHashSet(StringComparer.Ordinal);
        if (owners.Count == 0)
        {
            return;
        }

        var desired = context.Routes.Select(r => (r.Tunnel, r.Key)).ToHashSet();
        foreach (var (tunnel, key, owner) in context.Ownership.IngressRules.OrderBy(r => r.Tunnel, StringComparer.Ordinal).ThenBy(r => r.Key.ToString(), StringComparer.Ordinal))
        {
            if (owner is not null && owners.Contains(owner) && !desired.Contains((tunnel, key)) && context.HeldRules.Add((tunnel, key)))
            {
                context.HeldHosts.Add(key.Hostname);
                var (host, name) = SourceOf(owner);
                context.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, PlanDiagnosticCodes.Held, name, null,
                    $"{key} on tunnel '{tunnel}' is kept as it is: the Access labels of its source are invalid, and invalid labels never delete a working route.") { Host = host });
            }
        }
    }

    // The inverse of OwnerKeyOf, to address a diagnostic to the source the user knows.
    private static (string? Host, string Name) SourceOf(string owner)
    {
        if (owner.StartsWith("manual/", StringComparison.Ordinal))
        {
            return (null, "manual:" + owner["manual/".Length..]);
        }

        var slash = owner.LastIndexOf('/');
        return slash < 0 ? (null, owner) : (owner[..slash], owner[(slash + 1)..]);
    }

    // Diagnostic sources are container names (with their host) or "manual:<id>"; owners are RouteSource.OwnerKey.
    private static string OwnerKeyOf(Diagnostic diagnostic) =>
        diagnostic.Host is null && diagnostic.Source!.StartsWith("manual:", StringComparison.Ordinal)
            ? "manual/" + diagnostic.Source["manual:".Length..]
            : (diagnostic.Host ?? "") + "/" + diagnostic.Source;
}
