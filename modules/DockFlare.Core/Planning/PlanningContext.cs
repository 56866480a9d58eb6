using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Planning;

/// <summary>The input of one planning run, indexed, plus what the stages share: route statuses, held objects, diagnostics.</summary>
internal sealed class PlanningContext
{
    public PlanningContext(PlannerInput input)
    {
        Input = input;
        Routes = input.Desired.Routes;
        Status = new RouteStatus[Routes.Count];
        Ownership = new OwnershipIndex(input.Ownership, input.InstanceId);
        Marker = DnsOwnershipMarker.Format(input.InstanceId);
        foreach (var tunnel in input.Observed.Tunnels.OrderBy(t => t.TunnelId, StringComparer.Ordinal))
        {
            Tunnels.TryAdd(tunnel.Tunnel, tunnel);
        }
    }

    public PlannerInput Input { get; }

    public IReadOnlyList<RouteSpec> Routes { get; }

    /// <summary>The status of each route, by its index in <see cref="Routes"/>.</summary>
    public RouteStatus[] Status { get; }

    public OwnershipIndex Ownership { get; }

    public string Marker { get; }

    public Dictionary<string, ObservedTunnel> Tunnels { get; } = new(StringComparer.Ordinal);

    /// <summary>Owned ingress rules that must stay exactly as they are (their route is blocked or its labels are invalid).</summary>
    public HashSet<(string Tunnel, RouteKey Key)> HeldRules { get; } = [];

    /// <summary>Hostnames whose owned DNS records and Access apps must not be deleted now.</summary>
    public HashSet<string> HeldHosts { get; } = new(StringComparer.Ordinal);

    public List<Diagnostic> Diagnostics { get; } = [];

    public IEnumerable<RouteSpec> Live => Routes.Where((_, i) => Status[i] != RouteStatus.Blocked);

    public void Report(DiagnosticSeverity severity, string code, RouteSource? source, string message) =>
        Diagnostics.Add(new Diagnostic(severity, code, source?.Name, null, message)
        {
            ContainerId = source?.Kind == RouteSourceKind.Container ? source.Id : null,
            Host = source?.Host,
        });

    public void Block(int index, string code, string message)
    {
        var route = Routes[index];
        Status[index] = RouteStatus.Blocked;
        HeldRules.Add((route.Tunnel, route.Key));
        HeldHosts.Add(route.Hostname);
        Report(DiagnosticSeverity.Error, code, route.Source, message);
    }
}
