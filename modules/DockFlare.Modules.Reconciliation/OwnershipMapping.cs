using DockFlare.Core.Reconciliation;
using PlanningKind = DockFlare.Core.Planning.OwnedObjectKind;
using PlanningRecord = DockFlare.Core.Planning.OwnershipRecord;
using StoredKind = DockFlare.Core.State.OwnedObjectKind;
using StoredRecord = DockFlare.Core.State.OwnershipRecord;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Converts between the ownership records the state store keeps (by Cloudflare id, with account,
/// zone and tunnel ids) and the ones the planner reads (by tunnel and zone name).
/// </summary>
internal static class OwnershipMapping
{
    private const char Separator = '|';

    /// <summary>The stored id of an ingress rule: tunnel id, hostname and path (the path last, as it may hold any character).</summary>
    public static string IngressId(string tunnelId, string hostname, string path) =>
        tunnelId + Separator + hostname + Separator + path;

    public static IReadOnlyList<PlanningRecord> ToPlanning(
        IEnumerable<StoredRecord> stored,
        IReadOnlyDictionary<string, KnownTunnel> tunnelsById,
        IReadOnlyDictionary<string, KnownZone> zonesById)
    {
        var result = new List<PlanningRecord>();
        foreach (var record in stored)
        {
            switch (record.Kind)
            {
                case StoredKind.IngressRule when record.TunnelId is not null && tunnelsById.TryGetValue(record.TunnelId, out var tunnel):
                    var parts = record.CloudflareId.Split(Separator, 3);
                    if (parts.Length == 3)
                    {
                        result.Add(PlanningRecord.ForIngressRule(tunnel.Name, new(parts[1], parts[2]), Owner(record)));
                    }

                    break;
                case StoredKind.DnsRecord when record.Hostname is not null:
                    var zone = record.ZoneId is not null && zonesById.TryGetValue(record.ZoneId, out var known) ? known.Name : record.ZoneId ?? "";
                    result.Add(PlanningRecord.ForDnsRecord(zone, record.Hostname, record.CloudflareId, Owner(record)));
                    break;
                case StoredKind.AccessApp when record.Hostname is not null:
                    result.Add(PlanningRecord.ForAccessApplication(record.Hostname, record.CloudflareId, Owner(record)));
                    break;
            }
        }

        return result;
    }

    public static StoredRecord IngressRecord(string accountId, KnownTunnel tunnel, PlanningRecord rule, DateTimeOffset now) =>
        new(StoredKind.IngressRule, IngressId(tunnel.Id, rule.Name, rule.Path), accountId, null, tunnel.Id, rule.Name, now, rule.Owner ?? "");

    public static StoredRecord DnsRecord(string accountId, KnownZone zone, string hostname, string recordId, string? owner, DateTimeOffset now) =>
        new(StoredKind.DnsRecord, recordId, accountId, zone.Id, null, hostname, now, owner ?? "");

    public static StoredRecord AccessRecord(string accountId, string domain, string appId, string? owner, DateTimeOffset now) =>
        new(StoredKind.AccessApp, appId, accountId, null, null, domain, now, owner ?? "");

    public static bool IsPlanningKind(StoredKind kind) => kind is StoredKind.IngressRule or StoredKind.DnsRecord or StoredKind.AccessApp;

    public static StoredKind ToStored(PlanningKind kind) => kind switch
    {
        PlanningKind.IngressRule => StoredKind.IngressRule,
        PlanningKind.DnsRecord => StoredKind.DnsRecord,
        _ => StoredKind.AccessApp,
    };

    private static string? Owner(StoredRecord record) => string.IsNullOrEmpty(record.CreatedBy) ? null : record.CreatedBy;
}
