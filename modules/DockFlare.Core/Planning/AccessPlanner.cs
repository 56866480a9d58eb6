using DockFlare.Core.Access;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Planning;

/// <summary>
/// Plans Access writes: one application per Access domain that a published route protects with
/// groups or custom rules. Only applications DockFlare owns are changed or deleted; an app is
/// deleted only when no remaining route needs it (B16), which includes a route whose Access labels
/// were removed (only our app goes, B26). A foreign app on a domain blocks the route in the gate.
/// </summary>
internal static class AccessPlanner
{
    public static (List<PlanOperation> Upserts, List<PlanOperation> Deletes) Run(PlanningContext context)
    {
        var upserts = new List<PlanOperation>();
        var deletes = new List<PlanOperation>();
        var owned = context.Input.Observed.AccessApps
            .Where(context.Ownership.OwnsAccess)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var ownedByDomain = owned.ToLookup(a => AccessDomain.Canonical(a.Domain), StringComparer.Ordinal);
        var wanted = context.Live.Where(r => RouteGate.NeedsApp(r.Access))
            .GroupBy(r => AccessDomain.Canonical(r.Access.Domain), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        foreach (var group in wanted)
        {
            var intent = group.First().Access;
            var cause = new PlanCause($"{intent.Domain} is protected by Access ({intent.Mode})",
                [.. group.Select(r => r.Source.Describe()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
            var apps = ownedByDomain[group.Key].ToList();
            if (apps.Count == 0)
            {
                upserts.Add(new AccessCreateOperation(intent, cause));
                continue;
            }

            if (apps[0].AppliedIntent is not { } applied || RouteGate.Comparable(applied) != RouteGate.Comparable(intent))
            {
                upserts.Add(new AccessUpdateOperation(apps[0], intent, cause));
            }

            deletes.AddRange(apps.Skip(1).Select(a => new AccessDeleteOperation(a, new PlanCause($"duplicate Access app for {a.Domain}", cause.Sources))));
        }

        var wantedDomains = wanted.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var unprotected = context.Live.Where(r => r.Access.Mode is AccessMode.None or AccessMode.ZoneDefault)
            .ToLookup(r => AccessDomain.Canonical(r.Access.Domain), StringComparer.Ordinal);
        foreach (var app in owned.OrderBy(a => AccessDomain.Canonical(a.Domain), StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            var domain = AccessDomain.Canonical(app.Domain);
            if (wantedDomains.Contains(domain) || context.HeldHosts.Contains(AccessDomain.HostOf(domain)))
            {
                continue;
            }

            var stillRouted = unprotected[domain].ToList();
            var cause = stillRouted.Count > 0
                ? new PlanCause($"the Access labels of {app.Domain} were removed", Sources(stillRouted))
                : new PlanCause($"no route of DockFlare needs the Access app of {app.Domain} any more", []);
            deletes.Add(new AccessDeleteOperation(app, cause));
        }

        return (upserts, deletes);
    }

    private static string[] Sources(List<RouteSpec> routes) =>
        [.. routes.Select(r => r.Source.Describe()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
