using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using PlanningRecord = DockFlare.Core.Planning.OwnershipRecord;
using StoredRecord = DockFlare.Core.State.OwnershipRecord;

namespace DockFlare.Modules.Reconciliation;

/// <summary>What one reconcile pass knows before it reads Cloudflare's live objects: sources, zones, tunnels, desired state, ownership.</summary>
internal sealed record ReconcilePass(
    string AccountId,
    string InstanceId,
    IReadOnlyList<KnownZone> Zones,
    IReadOnlyList<KnownTunnel> Tunnels,
    SourceSnapshot Sources,
    DesiredState Desired,
    IReadOnlyList<StoredRecord> StoredOwnership,
    IReadOnlyList<PlanningRecord> Ownership)
{
    public IReadOnlyDictionary<string, KnownTunnel> TunnelsByName { get; } =
        Tunnels.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, KnownZone> ZonesByName { get; } =
        Zones.GroupBy(z => z.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
}
