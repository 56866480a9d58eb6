using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Planning;

/// <summary>
/// Plans DNS writes: one proxied CNAME per published hostname, pointing at its tunnel. A record
/// is changed or deleted only when DockFlare owns it (ownership record, or this instance's
/// marker in its comment). A foreign record in the way is a conflict, never an overwrite (B17).
/// A record is deleted only when no remaining route uses its hostname (B16); routes in their
/// grace period are still in the desired state, so they keep their record (B14).
/// Documented policy for a stale CNAME (pointing at a deleted tunnel): taken over when it is
/// ours, a conflict when it is not.
/// </summary>
internal static class DnsPlanner
{
    private static readonly HashSet<string> AddressTypes = new(["A", "AAAA", "CNAME"], StringComparer.OrdinalIgnoreCase);

    public static (List<PlanOperation> Upserts, List<PlanOperation> Deletes) Run(PlanningContext context)
    {
        var upserts = new List<PlanOperation>();
        var deletes = new List<PlanOperation>();
        var byName = context.Input.Observed.DnsRecords
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToLookup(r => NameKey(r.Zone, r.Name));
        var wanted = new HashSet<(string, string)>();
        foreach (var (assignment, routes) in PublishedHostnames(context))
        {
            if (assignment.Zone is null)
            {
                context.Report(DiagnosticSeverity.Warning, PlanDiagnosticCodes.DnsZoneUnknown, routes[0].Source,
                    $"{assignment.Hostname} has no zone, so no DNS record is planned for it.");
                continue;
            }

            var key = NameKey(assignment.Zone, assignment.Hostname);
            wanted.Add(key);
            if (!context.Tunnels.TryGetValue(assignment.Tunnel, out var tunnel))
            {
                continue; // Unreachable while the engine keeps a hostname on one tunnel; kept (not deleted) if it ever happens.
            }

            var spec = new DnsRecordSpec(assignment.Zone, assignment.Hostname, tunnel.TunnelId + ".cfargotunnel.com", context.Marker);
            var cause = new PlanCause($"{assignment.Hostname} is published on tunnel '{assignment.Tunnel}'", Sources(routes));
            var records = byName[key].ToList();
            var ours = records.Where(context.Ownership.OwnsDns).ToList();
            if (ours.Count > 0)
            {
                if (!spec.IsSatisfiedBy(ours[0]))
                {
                    upserts.Add(new DnsUpdateOperation(ours[0], spec, cause));
                }

                deletes.AddRange(ours.Skip(1).Select(r => new DnsDeleteOperation(r, new PlanCause($"duplicate record of {r.Name}", cause.Sources))));
                continue;
            }

            var foreign = records.Where(r => AddressTypes.Contains(r.Type)).ToList();
            if (foreign.Count == 0)
            {
                upserts.Add(new DnsCreateOperation(spec, cause));
            }
            else if (foreign.Any(r => spec.IsSatisfiedBy(r with { Comment = spec.Comment })))
            {
                context.Report(DiagnosticSeverity.Info, PlanDiagnosticCodes.DnsForeignMatch, routes[0].Source,
                    $"{assignment.Hostname} already has the wanted CNAME, created outside DockFlare; nothing is written and DockFlare will never delete it (adopt it to let DockFlare manage it).");
            }
            else
            {
                var blocker = foreign[0];
                context.Report(DiagnosticSeverity.Error, PlanDiagnosticCodes.DnsConflict, routes[0].Source,
                    $"{assignment.Hostname} is not reachable through the tunnel: DNS record {blocker.Type} {blocker.Content} ({blocker.Id}) in zone {blocker.Zone} was not created by DockFlare and is not overwritten. Remove it or adopt it.");
            }
        }

        foreach (var record in context.Input.Observed.DnsRecords.OrderBy(r => r.Zone, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            if (context.Ownership.OwnsDns(record) && !wanted.Contains(NameKey(record.Zone, record.Name)) && !context.HeldHosts.Contains(record.Name.ToLowerInvariant()))
            {
                deletes.Add(new DnsDeleteOperation(record, new PlanCause($"no route of DockFlare uses {record.Name} in zone {record.Zone} any more", [])));
            }
        }

        return (upserts, deletes);
    }

    // Hostnames with at least one route that is published (or served by an identical foreign rule), sorted by zone then name.
    private static IEnumerable<(HostnameAssignment Assignment, List<RouteSpec> Routes)> PublishedHostnames(PlanningContext context)
    {
        var live = context.Live.GroupBy(r => r.Hostname, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return context.Input.Desired.Hostnames
            .DistinctBy(h => h.Hostname, StringComparer.Ordinal)
            .Where(h => live.ContainsKey(h.Hostname))
            .OrderBy(h => h.Zone, StringComparer.Ordinal).ThenBy(h => h.Hostname, StringComparer.Ordinal)
            .Select(h => (h, live[h.Hostname]));
    }

    private static string[] Sources(List<RouteSpec> routes) =>
        [.. routes.Select(r => r.Source.Describe()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static (string, string) NameKey(string zone, string name) =>
        (zone.TrimEnd('.').ToLowerInvariant(), name.TrimEnd('.').ToLowerInvariant());
}
