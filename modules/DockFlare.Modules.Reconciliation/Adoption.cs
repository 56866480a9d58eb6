using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.State;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// The explicit adopt action: records as DockFlare's own the objects that stand in the way of a
/// route (a DNS record of its name, the Access application of its domain, an ingress rule with its
/// key on its tunnel). Nothing changes in Cloudflare here; the next reconcile manages them.
/// </summary>
internal static class Adoption
{
    public static async Task<IReadOnlyList<string>> AdoptAsync(
        RouteSpec route, ReconcilePass pass, ObservedState observed, IStateStore store, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owned = pass.Ownership.Where(o => o.ObjectId is not null).Select(o => o.ObjectId!).ToHashSet(StringComparer.Ordinal);
        var owner = route.Source.OwnerKey;
        var adopted = new List<(Core.State.OwnershipRecord Record, string Line)>();

        foreach (var record in observed.DnsRecords.Where(r => string.Equals(r.Name, route.Hostname, StringComparison.OrdinalIgnoreCase) && !owned.Contains(r.Id)))
        {
            if (pass.ZonesByName.TryGetValue(record.Zone, out var zone))
            {
                adopted.Add((OwnershipMapping.DnsRecord(pass.AccountId, zone, record.Name, record.Id, owner, now),
                    $"DNS {record.Type} record {record.Name} ({record.Id}) in zone {record.Zone}"));
            }
        }

        var domain = AccessDomain.Canonical(route.Access.Domain);
        foreach (var app in observed.AccessApps.Where(a => AccessDomain.Canonical(a.Domain) == domain && !owned.Contains(a.Id)))
        {
            adopted.Add((OwnershipMapping.AccessRecord(pass.AccountId, app.Domain, app.Id, owner, now), $"Access application '{app.Name}' ({app.Id}) for {app.Domain}"));
        }

        if (pass.TunnelsByName.TryGetValue(route.Tunnel, out var tunnel)
            && observed.Tunnels.FirstOrDefault(t => t.Tunnel == route.Tunnel) is { } live)
        {
            var ownedRules = pass.Ownership.Where(o => o.Kind == Core.Planning.OwnedObjectKind.IngressRule && o.Scope == route.Tunnel).Select(o => o.RouteKey).ToHashSet();
            foreach (var rule in live.Ingress.Where(r => !r.IsCatchAll
                                                         && string.Equals(r.Hostname, route.Hostname, StringComparison.OrdinalIgnoreCase)
                                                         && (r.Path ?? "") == route.Key.Path))
            {
                var key = new RouteKey(route.Hostname, route.Key.Path);
                if (ownedRules.Add(key))
                {
                    adopted.Add((OwnershipMapping.IngressRecord(pass.AccountId, tunnel, Core.Planning.OwnershipRecord.ForIngressRule(route.Tunnel, key, owner), now),
                        $"ingress rule {key} on tunnel '{route.Tunnel}' (service {rule.Service})"));
                }
            }
        }

        foreach (var (record, line) in adopted)
        {
            await store.PutOwnershipAsync(record, cancellationToken).ConfigureAwait(false);
            await store.AppendChangeAsync(new ChangeLogDraft(now, "adopt", route.Key.ToString(), $"adopted by {by}", null, line), cancellationToken).ConfigureAwait(false);
        }

        return [.. adopted.Select(a => a.Line)];
    }
}
