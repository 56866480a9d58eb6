using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Gathers one pass: every source, the account's zones and tunnels, the ownership records, and
/// the desired state the engine computes from all of them together (B11: a tunnel's ingress is
/// always computed from the union of its sources, whatever triggered the run).
/// </summary>
internal sealed class PassReader(
    SourceReader sources,
    IZoneCatalog zones,
    IEnumerable<ITunnelDirectory> directories,
    IStateStore store,
    InstanceIdentity identity,
    CloudflareAccount account,
    LabelEngineOptions labels)
{
    public async Task<ReconcilePass> ReadAsync(CancellationToken cancellationToken)
    {
        var accountId = account.RequireId();
        var instanceId = await identity.GetAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await sources.ReadAsync(cancellationToken).ConfigureAwait(false);
        var zoneList = await zones.ListAsync(cancellationToken).ConfigureAwait(false);
        var defaultZone = await zones.GetDefaultZoneAsync(cancellationToken).ConfigureAwait(false);
        var tunnels = await ListTunnelsAsync(cancellationToken).ConfigureAwait(false);

        var stored = new List<Core.State.OwnershipRecord>();
        foreach (var kind in (Core.State.OwnedObjectKind[])[Core.State.OwnedObjectKind.IngressRule, Core.State.OwnedObjectKind.DnsRecord, Core.State.OwnedObjectKind.AccessApp])
        {
            stored.AddRange(await store.ListOwnershipAsync(kind, cancellationToken).ConfigureAwait(false));
        }

        var ownership = OwnershipMapping.ToPlanning(
            stored,
            tunnels.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            zoneList.GroupBy(z => z.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

        var desired = DesiredStateEngine.Compute(new EngineInput(
            snapshot.Containers,
            snapshot.ManualRules,
            new EngineSettings
            {
                Zones = [.. zoneList.Select(z => z.Name)],
                DefaultZone = defaultZone?.Name,
                LabelPrefix = labels.LabelPrefix,
                TunnelByHost = tunnels.Where(t => t.Host is not null)
                    .GroupBy(t => t.Host!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
                KnownTunnels = [.. tunnels.Select(t => t.Name).Distinct(StringComparer.Ordinal)],
            })
        {
            PriorOwners = PriorOwners(ownership),
        });

        return new ReconcilePass(accountId, instanceId, zoneList, tunnels, snapshot, desired, stored, ownership);
    }

    // The owner that last wrote each rule keeps it in a tie, so a conflict never flips between runs.
    private static Dictionary<RouteKey, string> PriorOwners(IReadOnlyList<Core.Planning.OwnershipRecord> ownership)
    {
        var owners = new Dictionary<RouteKey, string>();
        foreach (var record in ownership.Where(r => r.Kind == Core.Planning.OwnedObjectKind.IngressRule && r.Owner is not null))
        {
            owners.TryAdd(record.RouteKey, record.Owner!);
        }

        return owners;
    }

    // Every directory is asked; the first answer for a tunnel id wins, the master's own tunnel first.
    private async Task<IReadOnlyList<KnownTunnel>> ListTunnelsAsync(CancellationToken cancellationToken)
    {
        var byId = new Dictionary<string, KnownTunnel>(StringComparer.Ordinal);
        var ordered = new List<KnownTunnel>();
        foreach (var directory in directories)
        {
            foreach (var tunnel in await directory.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                if (byId.TryGetValue(tunnel.Id, out var existing))
                {
                    if (existing.Host is null && tunnel.Host is not null)
                    {
                        ordered[ordered.IndexOf(existing)] = byId[tunnel.Id] = existing with { Host = tunnel.Host };
                    }

                    continue;
                }

                byId[tunnel.Id] = tunnel;
                ordered.Add(tunnel);
            }
        }

        return ordered;
    }
}
