using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Routing;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Planning;

/// <summary>Short ways to build planner inputs: hosts map to tunnels, tunnels have fixed ids.</summary>
internal static class PlanScenario
{
    public const string Instance = "inst-1";

    public static readonly IReadOnlyDictionary<string, string> TunnelByHost = new Dictionary<string, string>
    {
        ["master"] = "tunnel-a",
        ["agent-1"] = "tunnel-b",
    };

    public static EngineSettings Settings => Build.Settings() with { TunnelByHost = TunnelByHost, KnownTunnels = ["tunnel-a", "tunnel-b"] };

    public static ContainerInput Web(string name, string hostname, string service = "http://web:80", string host = "master", params string[] extra) =>
        Build.ContainerOn(host, name, ["dockflare.enable=true", "dockflare.hostname=" + hostname, "dockflare.service=" + service, .. extra]);

    public static DesiredState Desired(params ContainerInput[] containers) => Desired(containers, []);

    public static DesiredState Desired(IReadOnlyList<ContainerInput> containers, IReadOnlyList<ManualRule> manual) =>
        DesiredStateEngine.Compute(new EngineInput(containers, manual, Settings));

    public static string TunnelId(string tunnel) => "id-" + tunnel;

    public static ObservedTunnel Tunnel(string name, params IngressRule[] rules) => new(name, TunnelId(name), rules);

    public static ObservedState Observed(
        IReadOnlyList<IngressRule>? tunnelA = null, IReadOnlyList<IngressRule>? tunnelB = null,
        IReadOnlyList<ObservedDnsRecord>? dns = null, IReadOnlyList<ObservedAccessApp>? apps = null) =>
        new([Tunnel("tunnel-a", [.. tunnelA ?? []]), Tunnel("tunnel-b", [.. tunnelB ?? []])], dns ?? [], apps ?? []);

    public static PlannerInput Input(DesiredState desired, ObservedState? observed = null, IReadOnlyList<OwnershipRecord>? ownership = null) =>
        new(desired, observed ?? Observed(), ownership ?? [], Instance);

    public static Plan Plan(DesiredState desired, ObservedState? observed = null, IReadOnlyList<OwnershipRecord>? ownership = null) =>
        ReconciliationPlanner.Create(Input(desired, observed, ownership));

    public static IngressRule Rule(string hostname, string service, string? path = null) => new(hostname, path, service, null);

    public static ObservedDnsRecord Cname(string id, string hostname, string tunnel, bool marked = true, string zone = "example.com") =>
        new(id, zone, hostname, "CNAME", TunnelId(tunnel) + ".cfargotunnel.com", true, marked ? DnsOwnershipMarker.Format(Instance) : null);

    /// <summary>Applies the plan, then returns the input of the next run (same desired state).</summary>
    public static PlannerInput Converge(PlannerInput input, out Plan first)
    {
        first = ReconciliationPlanner.Create(input);
        return PlanSimulator.Apply(input, first);
    }

    public static T Single<T>(this Plan plan) where T : PlanOperation => Assert.Single(plan.Operations.OfType<T>());
}
