using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Routing;
using static DockFlare.Core.Tests.Planning.PlanScenario;

namespace DockFlare.Core.Tests.Planning;

public sealed class DnsPlanningTests
{
    private static readonly OwnershipRecord[] OwnsWebRule = [OwnershipRecord.ForIngressRule("tunnel-a", new RouteKey("app.example.com", ""), "master/web")];

    private static ObservedState LiveWeb(params ObservedDnsRecord[] dns) =>
        Observed(tunnelA: [Rule("app.example.com", "http://web:80"), IngressRule.CatchAll], dns: dns);

    [Fact]
    public void Create_NewHostname_CreatesProxiedCnameWithMarker()
    {
        var create = Plan(Desired(Web("web", "app.example.com"))).Single<DnsCreateOperation>();

        Assert.Equal(new DnsRecordSpec("example.com", "app.example.com", "id-tunnel-a.cfargotunnel.com", "managed-by=dockflare; instance=inst-1"), create.After);
        Assert.Equal("CNAME", create.After.Type);
        Assert.True(create.After.Proxied);
    }

    [Fact]
    public void Create_OwnedRecordWrongTarget_UpdatesIt()
    {
        var stale = Cname("r1", "app.example.com", "tunnel-b");

        var update = Plan(Desired(Web("web", "app.example.com")), LiveWeb(stale), OwnsWebRule).Single<DnsUpdateOperation>();

        Assert.Equal(stale, update.Before);
        Assert.Equal("id-tunnel-a.cfargotunnel.com", update.After.Content);
    }

    [Fact]
    public void Create_OwnedByRecordIdWithoutMarker_UpdatedToCarryMarker()
    {
        var unmarked = Cname("r1", "app.example.com", "tunnel-a", marked: false);
        OwnershipRecord[] owned = [.. OwnsWebRule, OwnershipRecord.ForDnsRecord("example.com", "app.example.com", "r1")];

        var update = Plan(Desired(Web("web", "app.example.com")), LiveWeb(unmarked), owned).Single<DnsUpdateOperation>();

        Assert.Equal(DnsOwnershipMarker.Format(Instance), update.After.Comment);
    }

    [Fact]
    public void Create_ForeignARecord_ConflictWithoutWrite()
    {
        var foreign = new ObservedDnsRecord("r9", "example.com", "app.example.com", "A", "198.51.100.7", false, null);

        var plan = Plan(Desired(Web("web", "app.example.com")), LiveWeb(foreign), OwnsWebRule);

        Assert.Empty(plan.Operations);
        var conflict = Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.DnsConflict);
        Assert.Equal(DiagnosticSeverity.Error, conflict.Severity);
    }

    [Fact]
    public void Create_OtherInstanceMarker_TreatedAsForeign()
    {
        var theirs = Cname("r1", "app.example.com", "tunnel-b", marked: false) with { Comment = DnsOwnershipMarker.Format("other") };

        var plan = Plan(Desired(Web("web", "app.example.com")), LiveWeb(theirs), OwnsWebRule);

        Assert.Empty(plan.Operations);
        Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.DnsConflict);
    }

    [Fact]
    public void Create_ForeignTxtRecordSameName_DoesNotBlockCreate()
    {
        var txt = new ObservedDnsRecord("t1", "example.com", "app.example.com", "TXT", "v=verify", false, null);

        var plan = Plan(Desired(Web("web", "app.example.com")), LiveWeb(txt), OwnsWebRule);

        Assert.Equal("app.example.com", plan.Single<DnsCreateOperation>().After.Name);
        Assert.Empty(plan.Operations.OfType<DnsDeleteOperation>());
    }

    [Fact]
    public void Create_OwnedRecordNoRouteLeft_Deleted()
    {
        var old = Cname("r2", "old.example.com", "tunnel-a");

        var delete = Plan(Desired(Web("web", "app.example.com")), LiveWeb(Cname("r1", "app.example.com", "tunnel-a"), old), OwnsWebRule).Single<DnsDeleteOperation>();

        Assert.Equal(old, delete.Before);
    }

    [Fact]
    public void Create_ForeignRecordNoRouteLeft_NotDeleted()
    {
        var foreign = Cname("r2", "old.example.com", "tunnel-a", marked: false);

        var plan = Plan(Desired(Web("web", "app.example.com")), LiveWeb(Cname("r1", "app.example.com", "tunnel-a"), foreign), OwnsWebRule);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Create_DuplicateOwnedRecords_KeepsLowestIdDeletesRest()
    {
        var plan = Plan(Desired(Web("web", "app.example.com")),
            LiveWeb(Cname("r2", "app.example.com", "tunnel-a"), Cname("r1", "app.example.com", "tunnel-a")), OwnsWebRule);

        Assert.Equal("r2", plan.Single<DnsDeleteOperation>().Before.Id);
        Assert.Empty(plan.Operations.OfType<DnsUpdateOperation>());
    }

    [Fact]
    public void Create_HostnameMovesTunnel_UpdatesRecordAfterIngress()
    {
        var observed = Observed(tunnelA: [Rule("app.example.com", "http://web:80"), IngressRule.CatchAll], dns: [Cname("r1", "app.example.com", "tunnel-a")]);

        var plan = Plan(Desired(Web("web", "app.example.com", host: "agent-1")), observed, OwnsWebRule);

        Assert.Equal(["tunnel-a", "tunnel-b"], plan.Operations.OfType<IngressPutOperation>().Select(p => p.Tunnel));
        Assert.IsType<DnsUpdateOperation>(plan.Operations[^1]);
        Assert.Equal("id-tunnel-b.cfargotunnel.com", plan.Single<DnsUpdateOperation>().After.Content);
    }

    [Fact]
    public void Create_ZonesUnknown_NoDnsAndWarning()
    {
        var desired = DesiredStateEngine.Compute(new EngineInput([Web("web", "app.example.com")], [], PlanScenario.Settings with { Zones = null }));

        var plan = Plan(desired);

        Assert.Empty(plan.Operations.OfType<DnsCreateOperation>());
        Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.DnsZoneUnknown);
    }
}
