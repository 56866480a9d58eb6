using DockFlare.Core.Planning;

namespace DockFlare.Core.Tests.Planning;

/// <summary>
/// Applies a plan to an observed state and ownership records the way a correct applier would,
/// so tests can check convergence: plan, apply, plan again.
/// </summary>
internal static class PlanSimulator
{
    public static PlannerInput Apply(PlannerInput input, Plan plan)
    {
        var tunnels = input.Observed.Tunnels.ToList();
        var dns = input.Observed.DnsRecords.ToList();
        var apps = input.Observed.AccessApps.ToList();
        var ownership = input.Ownership.ToList();
        var next = 0;
        foreach (var operation in plan.Operations)
        {
            switch (operation)
            {
                case IngressPutOperation put:
                    var index = tunnels.FindIndex(t => t.Tunnel == put.Tunnel);
                    tunnels[index] = tunnels[index] with { Ingress = put.Rules };
                    ownership.RemoveAll(o => o.Kind == OwnedObjectKind.IngressRule && o.Scope == put.Tunnel);
                    ownership.AddRange(put.OwnedRules);
                    break;
                case DnsCreateOperation create:
                    var id = FreshId("new-dns-", ref next, dns.Select(r => r.Id));
                    dns.Add(new ObservedDnsRecord(id, create.After.Zone, create.After.Name, create.After.Type, create.After.Content, create.After.Proxied, create.After.Comment));
                    ownership.Add(OwnershipRecord.ForDnsRecord(create.After.Zone, create.After.Name, id));
                    break;
                case DnsUpdateOperation update:
                    dns[dns.FindIndex(r => r.Id == update.Before.Id)] = update.Before with
                    {
                        Type = update.After.Type, Content = update.After.Content, Proxied = update.After.Proxied, Comment = update.After.Comment,
                    };
                    break;
                case DnsDeleteOperation delete:
                    dns.RemoveAll(r => r.Id == delete.Before.Id);
                    ownership.RemoveAll(o => o.ObjectId == delete.Before.Id);
                    break;
                case AccessCreateOperation create:
                    var appId = FreshId("new-app-", ref next, apps.Select(a => a.Id));
                    apps.Add(new ObservedAccessApp(appId, create.After.Domain, "DockFlare-" + create.After.Domain) { AppliedIntent = create.After });
                    ownership.Add(OwnershipRecord.ForAccessApplication(create.After.Domain, appId));
                    break;
                case AccessUpdateOperation update:
                    apps[apps.FindIndex(a => a.Id == update.Before.Id)] = update.Before with { AppliedIntent = update.After };
                    break;
                case AccessDeleteOperation delete:
                    apps.RemoveAll(a => a.Id == delete.Before.Id);
                    ownership.RemoveAll(o => o.ObjectId == delete.Before.Id);
                    break;
                default:
                    throw new InvalidOperationException("Unknown operation " + operation.GetType().Name);
            }
        }

        return input with { Observed = new ObservedState(tunnels, dns, apps), Ownership = ownership };
    }

    // Cloudflare never reuses an id, so neither does the simulator across successive applies.
    private static string FreshId(string prefix, ref int next, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        while (used.Contains(prefix + next))
        {
            next++;
        }

        return prefix + next++;
    }
}
