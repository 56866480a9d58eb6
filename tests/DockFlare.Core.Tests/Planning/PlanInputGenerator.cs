using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Routing;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Planning;

/// <summary>
/// Generates planner inputs from a seed: labelled containers and manual rules on two tunnels,
/// plus a messy live account (dashboard rules, foreign and stale DNS records, foreign Access
/// apps, leftovers of ours). Small pools make collisions between them frequent.
/// </summary>
internal sealed class PlanInputGenerator(int seed)
{
    private static readonly string[] Hosts = ["app.example.com", "docs.example.com", "api.example.com", "nas.example.com", "x.example.net", "old.example.com"];
    private static readonly string[] Paths = ["", "", "/a", "/b"];
    private static readonly string[] Services = ["http://web:80", "http://api:8080", "https://secure:443"];
    private static readonly string[] Groups = ["", "", "admins", "ops"];
    private static readonly string[] Tunnels = ["tunnel-a", "tunnel-b"];

    private readonly Random _random = new(seed);

    public PlannerInput Next()
    {
        var containers = new List<ContainerInput>();
        for (var i = 0; i < _random.Next(0, 6); i++)
        {
            var labels = new List<string> { "dockflare.enable=true", "dockflare.hostname=" + Pick(Hosts), "dockflare.service=" + Pick(Services) };
            AddIf(labels, Pick(Paths), "dockflare.path=");
            AddIf(labels, Pick(Groups), "dockflare.access.group=");
            if (_random.Next(8) == 0)
            {
                labels.Add("dockflare.access.policy=weird"); // invalid Access: the engine drops the route
            }

            var container = Build.ContainerOn(_random.Next(2) == 0 ? "master" : "agent-1", "c" + i, [.. labels]);
            containers.Add(_random.Next(5) == 0 ? container with { State = ContainerState.Stopped } : container);
        }

        var manual = new List<ManualRule>();
        for (var i = 0; i < _random.Next(0, 3); i++)
        {
            manual.Add(new ManualRule("m" + i, Pick(Tunnels), Pick(Hosts), Pick(Services)) { Path = NullIfEmpty(Pick(Paths)) });
        }

        var desired = PlanScenario.Desired(containers, manual);
        var observed = new ObservedState([Tunnel("tunnel-a"), Tunnel("tunnel-b")], Dns(), Apps());
        var ownership = new List<OwnershipRecord>();
        if (_random.Next(3) == 0)
        {
            ownership.Add(OwnershipRecord.ForIngressRule("tunnel-a", new RouteKey("old.example.com", ""), "master/gone"));
        }

        return new PlannerInput(desired, observed, ownership, PlanScenario.Instance);
    }

    private ObservedTunnel Tunnel(string name)
    {
        var rules = new List<IngressRule>();
        for (var i = 0; i < _random.Next(0, 4); i++)
        {
            rules.Add(new IngressRule(_random.Next(4) == 0 ? "*.example.com" : Pick(Hosts), NullIfEmpty(Pick(Paths)), Pick(Services), null));
        }

        if (_random.Next(3) > 0)
        {
            rules.Insert(_random.Next(rules.Count + 1), IngressRule.CatchAll);
        }

        return PlanScenario.Tunnel(name, [.. rules]);
    }

    private List<ObservedDnsRecord> Dns()
    {
        var records = new List<ObservedDnsRecord>();
        for (var i = 0; i < _random.Next(0, 4); i++)
        {
            var host = Pick(Hosts);
            var zone = host.EndsWith(".net", StringComparison.Ordinal) ? "example.net" : "example.com";
            records.Add(_random.Next(4) switch
            {
                0 => new ObservedDnsRecord("d" + i, zone, host, "A", "198.51.100.7", false, null),
                1 => new ObservedDnsRecord("d" + i, zone, host, "CNAME", PlanScenario.TunnelId(Pick(Tunnels)) + ".cfargotunnel.com", true, null),
                2 => new ObservedDnsRecord("d" + i, zone, host, "TXT", "note", false, null),
                _ => new ObservedDnsRecord("d" + i, zone, host, "CNAME", "stale.cfargotunnel.com", true, DnsOwnershipMarker.Format(PlanScenario.Instance)),
            });
        }

        return records;
    }

    private List<ObservedAccessApp> Apps() =>
        _random.Next(4) == 0 ? [new ObservedAccessApp("f1", Pick(Hosts), "foreign")] : [];

    private static void AddIf(List<string> labels, string value, string prefix)
    {
        if (value.Length > 0)
        {
            labels.Add(prefix + value);
        }
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
