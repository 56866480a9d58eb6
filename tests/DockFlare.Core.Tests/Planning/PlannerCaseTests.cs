using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Routing;
using static DockFlare.Core.Tests.Planning.PlanScenario;

namespace DockFlare.Core.Tests.Planning;

/// <summary>The field cases of cases.md that the planner is responsible for, one test each.</summary>
public sealed class PlannerCaseTests
{
    private static readonly IngressRule Legacy = Rule("legacy.example.com", "http://192.0.2.20:8080");

    [Fact]
    public void B10_FirstSync_PreservesForeignPublicHostnames()
    {
        var first = Input(Desired(Web("app", "app.example.com")), Observed(tunnelA: [Legacy, IngressRule.CatchAll]));

        var next = Converge(first, out var plan);

        Assert.Contains(Legacy, plan.Single<IngressPutOperation>().Rules);
        Assert.DoesNotContain(plan.Operations, op => op is DnsDeleteOperation or AccessDeleteOperation);
        Assert.True(ReconciliationPlanner.Create(next).IsEmpty);
        // And after our last route goes, the dashboard rule still stays.
        var gone = ReconciliationPlanner.Create(next with { Desired = Desired() });
        Assert.Equal([Legacy, IngressRule.CatchAll], gone.Single<IngressPutOperation>().Rules);
    }

    [Fact]
    public void B11_AgentContainerRestart_ManualRuleOnSharedTunnelKept()
    {
        var nas = new ManualRule("nas", "tunnel-b", "nas.example.com", "http://192.0.2.30:5000");
        var sonarr = Web("sonarr", "sonarr.example.com", "http://sonarr:8989", "agent-1");
        var live = Converge(Input(Desired([sonarr], [nas])), out _);

        // The agent reports the recreated container (new id); the desired state is computed from every source.
        var restarted = ReconciliationPlanner.Create(live with { Desired = Desired([sonarr with { Id = "recreated" }], [nas]) });
        Assert.True(restarted.IsEmpty);

        // A manual-rule edit as the trigger keeps the agent's rule.
        var edited = ReconciliationPlanner.Create(live with { Desired = Desired([sonarr], [nas with { Service = "http://192.0.2.31:5000" }]) });
        var put = edited.Single<IngressPutOperation>();
        Assert.Equal("tunnel-b", put.Tunnel);
        Assert.Equal([Rule("nas.example.com", "http://192.0.2.31:5000"), Rule("sonarr.example.com", "http://sonarr:8989"), IngressRule.CatchAll], put.Rules);
    }

    [Fact]
    public void B14_StoppedWithinGraceOrRecreated_NothingDeleted()
    {
        var app = Web("app", "app.example.com", extra: "dockflare.access.group=admins");
        var live = Converge(Input(Desired(app)), out _);

        Assert.True(ReconciliationPlanner.Create(live with { Desired = Desired(app with { State = ContainerState.Stopped }) }).IsEmpty);
        Assert.True(ReconciliationPlanner.Create(live with { Desired = Desired(app with { Id = "new-id" }) }).IsEmpty);
        Assert.True(ReconciliationPlanner.Create(live).IsEmpty); // the tool restarted: same inputs, same (empty) plan

        // Grace expired: the caller stops passing the container in, and only then is everything removed.
        var expired = ReconciliationPlanner.Create(live with { Desired = Desired() });
        Assert.Equal(["IngressPutOperation", "DnsDeleteOperation", "AccessDeleteOperation"], expired.Operations.Select(o => o.GetType().Name));
    }

    [Fact]
    public void B16_MultiPathHostname_DnsDeletedOnlyWithLastPath()
    {
        var a = Web("a", "docs.example.com", "http://a:80", "master", "dockflare.path=/a", "dockflare.access.group=admins");
        var b = Web("b", "docs.example.com", "http://b:80", "master", "dockflare.path=/b");
        var live = Converge(Input(Desired(a, b)), out var initial);
        Assert.Single(initial.Operations.OfType<DnsCreateOperation>());

        var afterA = ReconciliationPlanner.Create(live with { Desired = Desired(b) });
        Assert.Empty(afterA.Operations.OfType<DnsDeleteOperation>());
        Assert.Equal("docs.example.com/a", afterA.Single<AccessDeleteOperation>().Before.Domain);
        Assert.DoesNotContain(afterA.Single<IngressPutOperation>().Rules, r => r.Path is not null && r.Path.Contains("/a", StringComparison.Ordinal));

        var liveB = PlanSimulator.Apply(live with { Desired = Desired(b) }, afterA);
        var afterB = ReconciliationPlanner.Create(liveB with { Desired = Desired() });
        Assert.Equal("docs.example.com", afterB.Single<DnsDeleteOperation>().Before.Name);
        Assert.Empty(afterB.Operations.OfType<AccessDeleteOperation>());
    }

    [Fact]
    public void B17_ExistingRecords_IdenticalLeftForeignConflictStaleOwnedTakenOver()
    {
        ObservedDnsRecord[] zone =
        [
            Cname("r-app", "app.example.com", "tunnel-a", marked: false),
            new("r-nas", "example.com", "nas.example.com", "A", "198.51.100.7", false, null),
            new("r-old", "example.com", "old.example.com", "CNAME", "deleted-tunnel.cfargotunnel.com", true, DnsOwnershipMarker.Format(Instance)),
            new("r-old2", "example.com", "old2.example.com", "CNAME", "deleted-tunnel.cfargotunnel.com", true, null),
        ];
        var desired = Desired(Web("app", "app.example.com"), Web("nas", "nas.example.com"), Web("old", "old.example.com"), Web("old2", "old2.example.com"));

        var plan = Plan(desired, Observed(dns: zone));

        Assert.Equal("r-old", plan.Single<DnsUpdateOperation>().Before.Id); // ours by marker: taken over
        Assert.Empty(plan.Operations.OfType<DnsCreateOperation>());
        Assert.Empty(plan.Operations.OfType<DnsDeleteOperation>());
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.DnsForeignMatch).Severity);
        Assert.Equal(["nas", "old2"], plan.Diagnostics.Where(d => d.Code == PlanDiagnosticCodes.DnsConflict).Select(d => d.Source));
        Assert.DoesNotContain(plan.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Source == "app");
        // Planning again ("restart") repeats the same verdict and still writes nothing for app or nas.
        Assert.Equal(plan, Plan(desired, Observed(dns: zone)));
    }

    [Fact]
    public void B26_InvalidAccessLabels_NotPublishedAndNeverDeleted()
    {
        string[] bogus = ["dockflare.access.policy=authenticate", """dockflare.access.custom_rules=[{"email":{"email":"user@example.com"}},{"bogus":1}]"""];
        var fresh = Desired(Web("secret", "secret.example.com", "http://secret:80", "master", bogus));
        Assert.Contains(fresh.Diagnostics, d => d.Code == DiagnosticCodes.AccessInvalid);

        var plan = Plan(fresh);
        Assert.True(plan.IsEmpty); // no ingress rule, no DNS record, no Access app

        // Published earlier with valid labels, then the labels become invalid: nothing is deleted.
        var live = Converge(Input(Desired(Web("secret", "secret.example.com", "http://secret:80", "master", "dockflare.access.group=admins"))), out _);
        var broken = ReconciliationPlanner.Create(live with { Desired = fresh });
        Assert.True(broken.IsEmpty);
        Assert.Single(broken.Diagnostics, d => d.Code == PlanDiagnosticCodes.Held && d.Source == "secret" && d.Host == "master");
    }

    [Fact]
    public void B34_ServiceNameOnUnsharedNetwork_PlannerStillPublishesRule()
    {
        // Network reachability is the cloudflared supervisor's diagnostic; the planner must not drop the rule for it.
        var put = Plan(Desired(Web("api", "api.example.com", "http://api:8080"))).Single<IngressPutOperation>();

        Assert.Equal(Rule("api.example.com", "http://api:8080"), put.Rules[0]);
    }
}
