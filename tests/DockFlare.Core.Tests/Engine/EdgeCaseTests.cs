using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Engine;

public sealed class EdgeCaseTests
{
    [Fact]
    public void Compute_EnableUnderTwoPrefixesDisagreeing_HigherPrefixWinsWithWarning()
    {
        var state = Build.Run(Build.Settings(prefix: "myco"), Build.Container("web",
            "myco.enable=false", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        Assert.Equal("dockflare.enable", state.Single(DiagnosticCodes.PrefixShadowed).Label);
    }

    [Fact]
    public void Compute_ManualRuleWithoutTunnel_IsAnError()
    {
        var state = DesiredStateEngine.Compute(new EngineInput([], [new ManualRule("m1", " ", "a.example.com", "http://a:80")], Build.Settings()));

        Assert.Empty(state.Routes);
        Assert.Equal("manual:m1", state.Single(DiagnosticCodes.ManualRuleInvalid).Source);
    }

    [Fact]
    public void Compute_ManualRuleUnknownOption_IsReported()
    {
        var rule = new ManualRule("m1", "t", "a.example.com", "http://a:80")
        {
            OriginOptions = new Dictionary<string, string> { ["tls_verify"] = "true" },
        };

        var state = DesiredStateEngine.Compute(new EngineInput([], [rule], Build.Settings()));

        Assert.Single(state.Routes);
        Assert.Equal("tls_verify", state.Single(DiagnosticCodes.ManualRuleInvalid).Label);
    }

    [Fact]
    public void Compute_SamePathWrittenTwoWays_IsOneRoute()
    {
        var state = Build.Run(
            Build.Container("a", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/api", "dockflare.service=http://a:80"),
            Build.Container("b", "dockflare.enable=true", "dockflare.hostname=APP.example.com.", "dockflare.path=api/", "dockflare.service=http://b:80"));

        Assert.Single(state.Routes);
        Assert.Single(state.WithCode(DiagnosticCodes.RouteConflict));
    }

    [Fact]
    public void Compute_InternationalHostname_IsPublishedInPunycode()
    {
        var state = Build.Run(Build.Settings(zones: ["example.com"]), Build.Container("shop",
            "dockflare.enable=true", "dockflare.hostname=bücher.example.com", "dockflare.service=http://shop:80"));

        Assert.Equal("xn--bcher-kva.example.com", Assert.Single(state.Routes).Hostname);
    }

    [Fact]
    public void Compute_WildcardHostname_BelongsToItsZone()
    {
        var state = Build.Run(Build.Container("wild", "dockflare.enable=true", "dockflare.hostname=*.dev.example.com", "dockflare.service=http://w:80"));

        Assert.Equal("dev.example.com", Assert.Single(state.Hostnames).Zone);
    }

    [Fact]
    public void Compute_ContainerWithoutDockFlareLabels_HasNoDiagnostics()
    {
        var state = Build.Run(Build.Container("db", "com.docker.compose.service=db"));

        Assert.Empty(state.Routes);
        Assert.DoesNotContain(state.Diagnostics, d => d.Source == "db");
    }

    [Fact]
    public void Compute_DiagnosticsOfAContainer_CarryItsIdAndHost()
    {
        var state = Build.Run(Build.ContainerOn("agent-7", "web", "dockflare.enable=true", "dockflare.hostname=bad_name.example.com", "dockflare.service=http://w:80"));

        var error = state.Single(DiagnosticCodes.HostnameInvalid);
        Assert.Equal("id-agent-7-web", error.ContainerId);
        Assert.Equal("agent-7", error.Host);
        Assert.Equal("dockflare.hostname", error.Label);
    }

    [Fact]
    public void Compute_HugeIndex_IsRejectedNotAllocated()
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=true", "dockflare.99999999999.hostname=a.example.com", "dockflare.hostname=b.example.com", "dockflare.service=http://w:80"));

        Assert.Single(state.Routes);
        Assert.Single(state.WithCode(DiagnosticCodes.UnknownLabel));
    }

    [Fact]
    public void Owners_AfterCompute_MapEveryRouteToItsSource()
    {
        var state = Build.Run(Build.ContainerOn("h1", "web", "dockflare.enable=true", "dockflare.hostname=a.example.com", "dockflare.service=http://w:80"));

        Assert.Equal("h1/web", state.Owners[new RouteKey("a.example.com", "")]);
    }
}
