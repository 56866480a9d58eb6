using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Reconciliation;

/// <summary>Reads the live Cloudflare objects a pass can touch: the ingress of its tunnels, the DNS records of its hostnames, the Access applications.</summary>
internal sealed class ObservedReader(IIngressGateway ingress, IDnsGateway dns, IAccessGateway access)
{
    public async Task<(ObservedState Observed, IReadOnlySet<string> Groups)> ReadAsync(ReconcilePass pass, CancellationToken cancellationToken)
    {
        // Only tunnels that desired routes target or that hold rules of ours: reading every tunnel of
        // a large account each run would spend the request budget for nothing.
        var wanted = pass.Desired.Routes.Select(r => r.Tunnel)
            .Concat(pass.Ownership.Where(o => o.Kind == OwnedObjectKind.IngressRule).Select(o => o.Scope))
            .ToHashSet(StringComparer.Ordinal);
        var tunnels = pass.Tunnels.Where(t => wanted.Contains(t.Name)).GroupBy(t => t.Name, StringComparer.Ordinal).Select(g => g.First()).ToList();

        var hostnames = pass.Desired.Routes.Select(r => r.Hostname)
            .Concat(pass.Ownership.Where(o => o.Kind == OwnedObjectKind.DnsRecord).Select(o => o.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var groups = await access.EnsureGroupsAsync(cancellationToken).ConfigureAwait(false);
        var observedTunnels = tunnels.Count == 0 ? [] : await ingress.ReadAsync(tunnels, cancellationToken).ConfigureAwait(false);
        var records = await dns.ReadAsync(hostnames, pass.Zones, pass.InstanceId, cancellationToken).ConfigureAwait(false);
        var apps = await access.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (new ObservedState(observedTunnels, records, apps), groups);
    }
}
