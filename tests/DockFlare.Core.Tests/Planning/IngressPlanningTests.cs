using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.Routing;
using static DockFlare.Core.Tests.Planning.PlanScenario;

namespace DockFlare.Core.Tests.Planning;

public sealed class IngressPlanningTests
{
    [Fact]
    public void Create_FreshTunnel_PutsOurRuleThenCatchAll()
    {
        var plan = Plan(Desired(Web("web", "app.example.com")));

        var put = plan.Single<IngressPutOperation>();
        Assert.Equal("tunnel-a", put.Tunnel);
        Assert.Equal(TunnelId("tunnel-a"), put.TunnelId);
        Assert.Equal([Rule("app.example.com", "http://web:80"), IngressRule.CatchAll], put.Rules);
        Assert.Equal("master/web", Assert.Single(put.OwnedRules).Owner);
        Assert.Contains("add app.example.com", put.Cause.Reason, StringComparison.Ordinal);
        Assert.Contains("container 'web' on host 'master'", put.Cause.Sources);
    }

    [Fact]
    public void Create_TunnelWithoutOurRules_IsNeverWritten()
    {
        // tunnel-b is known but has no routes; its live config lacks a catch-all and is foreign.
        var observed = Observed(tunnelB: [Rule("legacy.example.com", "http://192.0.2.20:8080")]);

        var plan = Plan(Desired(Web("web", "app.example.com")), observed);

        Assert.DoesNotContain(plan.Operations.OfType<IngressPutOperation>(), p => p.Tunnel == "tunnel-b");
    }

    [Fact]
    public void Create_ForeignRules_KeptAfterOursInLiveOrderWithLiveCatchAll()
    {
        var customFallback = new IngressRule(null, null, "http://fallback:80", null);
        var observed = Observed(tunnelA: [Rule("*.example.com", "http://wild:80"), Rule("z.example.com", "http://z:80"), customFallback]);

        var put = Plan(Desired(Web("web", "app.example.com")), observed).Single<IngressPutOperation>();

        Assert.Equal([Rule("app.example.com", "http://web:80"), Rule("*.example.com", "http://wild:80"), Rule("z.example.com", "http://z:80"), customFallback], put.Rules);
        Assert.Equal([null, 0, 1, 2], put.After.Select(r => r.ObservedIndex));
        Assert.Equal([true, false, false, false], put.After.Select(r => r.IsOwned));
    }

    [Fact]
    public void Create_ForeignRuleAfterCatchAll_KeptBeforeSingleCatchAllWithWarning()
    {
        var observed = Observed(tunnelA: [IngressRule.CatchAll, Rule("late.example.com", "http://late:80")]);

        var plan = Plan(Desired(Web("web", "app.example.com")), observed);

        var put = plan.Single<IngressPutOperation>();
        Assert.Equal([Rule("app.example.com", "http://web:80"), Rule("late.example.com", "http://late:80"), IngressRule.CatchAll], put.Rules);
        Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.IngressAfterCatchAll);
    }

    [Fact]
    public void Create_OwnedRuleNoLongerDesired_RemovedAndForeignKept()
    {
        var observed = Observed(tunnelA: [Rule("old.example.com", "http://old:80"), Rule("legacy.example.com", "http://legacy:80"), IngressRule.CatchAll]);
        OwnershipRecord[] owned = [OwnershipRecord.ForIngressRule("tunnel-a", new RouteKey("old.example.com", ""), "master/old")];

        var put = Plan(Desired(Web("web", "app.example.com")), observed, owned).Single<IngressPutOperation>();

        Assert.Equal([Rule("app.example.com", "http://web:80"), Rule("legacy.example.com", "http://legacy:80"), IngressRule.CatchAll], put.Rules);
        Assert.Contains("remove old.example.com", put.Cause.Reason, StringComparison.Ordinal);
        Assert.Contains("master/old", put.Cause.Sources);
    }

    [Fact]
    public void Create_OwnedRuleEditedInDashboard_RestoredFromDesired()
    {
        var observed = Observed(tunnelA: [Rule("app.example.com", "http://hacked:80"), IngressRule.CatchAll]);
        OwnershipRecord[] owned = [OwnershipRecord.ForIngressRule("tunnel-a", new RouteKey("app.example.com", ""), "master/web")];

        var put = Plan(Desired(Web("web", "app.example.com")), observed, owned).Single<IngressPutOperation>();

        Assert.Equal([Rule("app.example.com", "http://web:80"), IngressRule.CatchAll], put.Rules);
        Assert.StartsWith("change app.example.com", put.Cause.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ForeignRuleWithOurKeyDiffers_ConflictKeepsItAndBlocksRoute()
    {
        var observed = Observed(tunnelA: [Rule("app.example.com", "http://theirs:80"), IngressRule.CatchAll]);

        var plan = Plan(Desired(Web("web", "app.example.com")), observed);

        Assert.Empty(plan.Operations);
        var diagnostic = Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.IngressConflict);
        Assert.Equal("web", diagnostic.Source);
    }

    [Fact]
    public void Create_ForeignRuleIdenticalToOurs_NoIngressWriteButDnsPlanned()
    {
        var observed = Observed(tunnelA: [Rule("app.example.com", "http://web:80"), IngressRule.CatchAll]);

        var plan = Plan(Desired(Web("web", "app.example.com")), observed);

        Assert.Empty(plan.Operations.OfType<IngressPutOperation>());
        Assert.Equal("app.example.com", plan.Single<DnsCreateOperation>().After.Name);
        Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.IngressForeignMatch);
    }

    [Fact]
    public void Create_TunnelNotObserved_RouteBlockedWithDiagnostic()
    {
        var observed = new ObservedState([Tunnel("tunnel-a")], [], []);

        var plan = Plan(Desired(Web("sonarr", "sonarr.example.com", host: "agent-1")), observed);

        Assert.Empty(plan.Operations);
        Assert.Contains("tunnel-b", Assert.Single(plan.Diagnostics, d => d.Code == PlanDiagnosticCodes.TunnelUnknown).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LiveDocumentAlreadyRight_NoOperation()
    {
        var observed = Observed(tunnelA: [Rule("app.example.com", "http://web:80"), Rule("legacy.example.com", "http://legacy:80"), IngressRule.CatchAll],
            dns: [Cname("r1", "app.example.com", "tunnel-a")]);
        OwnershipRecord[] owned = [OwnershipRecord.ForIngressRule("tunnel-a", new RouteKey("app.example.com", ""), "master/web")];

        var plan = Plan(Desired(Web("web", "app.example.com")), observed, owned);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Create_MissingCatchAll_PutAddsExactlyOneAtEnd()
    {
        var observed = Observed(tunnelA: [Rule("app.example.com", "http://web:80")]);
        OwnershipRecord[] owned = [OwnershipRecord.ForIngressRule("tunnel-a", new RouteKey("app.example.com", ""), "master/web")];

        var put = Plan(Desired(Web("web", "app.example.com")), observed, owned).Single<IngressPutOperation>();

        Assert.Equal(IngressRule.CatchAll, put.Rules[^1]);
        Assert.Equal(1, put.Rules.Count(r => r.IsCatchAll));
        Assert.Equal("restore rule order and the single catch-all", put.Cause.Reason);
    }

    [Fact]
    public void Create_ManualRuleOnAgentTunnel_BothSourcesInOnePut()
    {
        var desired = Desired([Web("sonarr", "sonarr.example.com", host: "agent-1")], [new ManualRule("nas", "tunnel-b", "nas.example.com", "http://192.0.2.30:5000")]);

        var put = Plan(desired).Single<IngressPutOperation>();

        Assert.Equal("tunnel-b", put.Tunnel);
        Assert.Equal(["nas.example.com", "sonarr.example.com", null], put.Rules.Select(r => r.Hostname));
        Assert.Equal(["manual/nas", "agent-1/sonarr"], put.OwnedRules.Select(o => o.Owner));
    }
}
