using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Engine;

public sealed class OwnershipTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compute_SameRouteTwoContainers_EarliestClaimOwnsAndBothAreNamed()
    {
        var early = Web("early", "http://early:80") with { ClaimedSince = T0 };
        var late = Web("late", "http://late:80") with { ClaimedSince = T0.AddHours(1) };

        foreach (var state in new[] { Build.Run(early, late), Build.Run(late, early) })
        {
            Assert.Equal("http://early:80", Assert.Single(state.Routes).Service);
            var conflict = state.Single(DiagnosticCodes.RouteConflict);
            Assert.Equal("late", conflict.Source);
            Assert.Equal(DiagnosticSeverity.Error, conflict.Severity);
            Assert.Contains("'early'", conflict.Message, StringComparison.Ordinal);
            Assert.Contains("'late'", conflict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compute_ManualRule_WinsOverEarlierContainer()
    {
        var container = Web("web", "http://web:80") with { ClaimedSince = T0 };
        var manual = new ManualRule("m1", "local", "APP.example.com", "http://manual:80") { CreatedAt = T0.AddDays(1) };

        var state = DesiredStateEngine.Compute(new EngineInput([container], [manual], Build.Settings()));

        var route = Assert.Single(state.Routes);
        Assert.Equal(RouteSourceKind.Manual, route.Source.Kind);
        Assert.Contains("manual rules take precedence", state.Single(DiagnosticCodes.RouteConflict).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PriorOwner_KeepsRouteAfterRestart()
    {
        // 'late' took the route while 'early' was gone; when 'early' comes back it must not take it back.
        var early = Web("early", "http://early:80") with { ClaimedSince = T0 };
        var late = Web("late", "http://late:80") with { ClaimedSince = T0.AddHours(1) };
        var first = Build.Run(late);

        var second = DesiredStateEngine.Compute(new EngineInput([early, late], [], Build.Settings()) { PriorOwners = first.Owners });

        Assert.Equal("http://late:80", Assert.Single(second.Routes).Service);
        Assert.Equal("early", second.Single(DiagnosticCodes.RouteConflict).Source);
    }

    [Fact]
    public void Compute_RecreatedOwnerWithNewId_StaysOwner()
    {
        var owner = Web("web", "http://web:80") with { ClaimedSince = T0.AddHours(2) };
        var other = Web("other", "http://other:80") with { ClaimedSince = T0 };
        var before = DesiredStateEngine.Compute(new EngineInput([owner], [], Build.Settings()));

        var recreated = owner with { Id = "new-id" };
        var after = DesiredStateEngine.Compute(new EngineInput([other, recreated], [], Build.Settings()) { PriorOwners = before.Owners });

        Assert.Equal("http://web:80", Assert.Single(after.Routes).Service);
    }

    [Fact]
    public void Compute_StoppedOwner_YieldsToRunningClaimant_AndDoesNotTakeItBack()
    {
        var a = Web("a", "http://a:80") with { ClaimedSince = T0 };
        var b = Web("b", "http://b:80") with { ClaimedSince = T0.AddHours(1) };
        var running = Build.Run(a, b);
        Assert.Equal("http://a:80", Assert.Single(running.Routes).Service);

        var aStopped = DesiredStateEngine.Compute(new EngineInput([a with { State = ContainerState.Stopped }, b], [], Build.Settings()) { PriorOwners = running.Owners });
        Assert.Equal("http://b:80", Assert.Single(aStopped.Routes).Service);

        var aBack = DesiredStateEngine.Compute(new EngineInput([a, b], [], Build.Settings()) { PriorOwners = aStopped.Owners });
        Assert.Equal("http://b:80", Assert.Single(aBack.Routes).Service);
    }

    [Fact]
    public void Compute_UnknownClaimTimes_FallBackToNameOrder()
    {
        var state = Build.Run(Web("zeta", "http://z:80"), Web("alpha", "http://a:80"));

        Assert.Equal("http://a:80", Assert.Single(state.Routes).Service);
    }

    [Fact]
    public void Compute_SameHostnameOnTwoTunnels_SecondIsAnError()
    {
        var state = Build.Run(
            Build.ContainerOn("h1", "a", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://a:80"),
            Build.ContainerOn("h2", "b", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/b", "dockflare.service=http://b:80"));

        Assert.Equal("h1", Assert.Single(state.Routes).Tunnel);
        var error = state.Single(DiagnosticCodes.HostnameTunnelConflict);
        Assert.Equal("b", error.Source);
        Assert.Contains("'h1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_DifferentExplicitZones_OwnerZoneWinsWithWarning()
    {
        var state = Build.Run(
            Build.Container("a", "dockflare.enable=true", "dockflare.hostname=app.dev.example.com", "dockflare.service=http://a:80"),
            Build.Container("b", "dockflare.enable=true", "dockflare.hostname=app.dev.example.com", "dockflare.path=/b",
                "dockflare.zonename=example.com", "dockflare.service=http://b:80"));

        Assert.All(state.Routes, r => Assert.Equal("dev.example.com", r.Zone));
        Assert.Equal("b", state.Single(DiagnosticCodes.ZoneDisagreement).Source);
    }

    [Fact]
    public void Compute_OneBadContainer_DoesNotAffectOthers()
    {
        var good = Build.Container("good", "dockflare.enable=true", "dockflare.hostname=good.example.com", "dockflare.service=http://good:80");
        var bad = Build.Container("bad", "dockflare.enable=true", "dockflare.hostname=bad.example.com/x:1", "dockflare.service=nonsense",
            "dockflare.path=^(?=x)", "dockflare.0.hostname=*", "dockflare.access.custom_rules=[", "dockflare.zonename=co.uk");

        var alone = Build.Run(good);
        var together = Build.Run(bad, good);

        Assert.Equal(alone.Routes.Select(r => r.Key), together.Routes.Select(r => r.Key));
        Assert.Equal(alone.Ingress[0].ToConfigJson(), together.Ingress[0].ToConfigJson());
        Assert.DoesNotContain(together.Diagnostics, d => d.Source == "good");
        Assert.Contains(together.Diagnostics, d => d.Source == "bad" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Compute_ManualRule_IsValidatedLikeLabels()
    {
        var manual = new ManualRule("m1", "local", "nas.example.com:5000", "http://192.0.2.30:5000");

        var state = DesiredStateEngine.Compute(new EngineInput([], [manual], Build.Settings()));

        Assert.Empty(state.Routes);
        var error = state.Single(DiagnosticCodes.HostnameHasPort);
        Assert.Equal("manual:m1", error.Source);
    }

    [Fact]
    public void Compute_ManualRuleWithOptions_IsPublished()
    {
        var manual = new ManualRule("m1", "tunnel-b", "nas.example.com", "https://192.0.2.40:443")
        {
            Path = "/admin",
            OriginOptions = new Dictionary<string, string> { ["originsrvname"] = "nas.internal.example" },
            AccessOptions = new Dictionary<string, string> { ["access.group"] = "admins" },
        };

        var state = DesiredStateEngine.Compute(new EngineInput([], [manual], Build.Settings()));

        var route = Assert.Single(state.Routes);
        Assert.Equal("tunnel-b", route.Tunnel);
        Assert.Equal("nas.internal.example", route.OriginRequest!.OriginServerName);
        Assert.Equal(["admins"], route.Access.Groups);
        Assert.Equal("nas.example.com/admin", route.Access.Domain);
    }

    private static ContainerInput Web(string name, string service) =>
        Build.Container(name, "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=" + service);
}
