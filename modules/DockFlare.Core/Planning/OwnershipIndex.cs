using DockFlare.Core.Engine;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Planning;

/// <summary>Answers "is this object ours?" from the ownership records and the DNS marker.</summary>
internal sealed class OwnershipIndex
{
    private readonly Dictionary<(string Tunnel, RouteKey Key), string?> _ingress = [];
    private readonly HashSet<string> _dnsIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _accessIds = new(StringComparer.Ordinal);
    private readonly string _instanceId;

    public OwnershipIndex(IReadOnlyList<OwnershipRecord> records, string instanceId)
    {
        _instanceId = instanceId;
        // Sorted first so that a duplicate record resolves the same way whatever the input order.
        foreach (var record in records.OrderBy(r => r.Owner, StringComparer.Ordinal))
        {
            switch (record.Kind)
            {
                case OwnedObjectKind.IngressRule:
                    _ingress.TryAdd((record.Scope, KeyOf(record.Name, record.Path)), record.Owner);
                    break;
                case OwnedObjectKind.DnsRecord when record.ObjectId is not null:
                    _dnsIds.Add(record.ObjectId);
                    break;
                case OwnedObjectKind.AccessApplication when record.ObjectId is not null:
                    _accessIds.Add(record.ObjectId);
                    break;
            }
        }
    }

    /// <summary>The tunnels on which DockFlare owns at least one rule.</summary>
    public IEnumerable<string> IngressTunnels => _ingress.Keys.Select(k => k.Tunnel).Distinct(StringComparer.Ordinal);

    /// <summary>The owned ingress rules as (tunnel, key, owner).</summary>
    public IEnumerable<(string Tunnel, RouteKey Key, string? Owner)> IngressRules => _ingress.Select(e => (e.Key.Tunnel, e.Key.Key, e.Value));

    public static RouteKey KeyOf(IngressRule rule) => KeyOf(rule.Hostname ?? "", rule.Path ?? "");

    public bool OwnsIngress(string tunnel, RouteKey key, out string? owner) => _ingress.TryGetValue((tunnel, key), out owner);

    public bool OwnsDns(ObservedDnsRecord record) =>
        _dnsIds.Contains(record.Id) || DnsOwnershipMarker.IsOwnedBy(record.Comment, _instanceId);

    public bool OwnsAccess(ObservedAccessApp app) => _accessIds.Contains(app.Id);

    // The engine emits lower-case hostnames; the dashboard may not.
    private static RouteKey KeyOf(string hostname, string path) => new(hostname.ToLowerInvariant(), path);
}
