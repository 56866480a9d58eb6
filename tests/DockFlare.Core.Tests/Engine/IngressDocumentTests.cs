using DockFlare.Core.Engine;
using DockFlare.Core.Routing;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Engine;

public sealed class IngressDocumentTests
{
    [Fact]
    public void Compute_NoRoutes_DocumentIsOnlyTheCatchAll()
    {
        var state = Build.Run(Build.Container("plain", "traefik.enable=true"));

        var document = Assert.Single(state.Ingress);
        Assert.Equal("local", document.Tunnel);
        Assert.Equal([IngressRule.CatchAll], document.Rules);
        Assert.Equal("""{"ingress":[{"service":"http_status:404"}]}""", document.ToConfigJson());
    }

    [Fact]
    public void Compute_KnownTunnelWithoutContainers_StillGetsADocument()
    {
        var state = DesiredStateEngine.Compute(new EngineInput([], [], Build.Settings() with { KnownTunnels = ["tunnel-b"] }));

        Assert.Equal("tunnel-b", Assert.Single(state.Ingress).Tunnel);
    }

    [Fact]
    public void Compute_ExactBeforeWildcard_PathsBeforeHost_CatchAllLast()
    {
        var state = Build.Run(
            Build.Container("wild", "dockflare.enable=true", "dockflare.hostname=*.example.com", "dockflare.service=http://fallback:80"),
            Build.Container("deepwild", "dockflare.enable=true", "dockflare.hostname=*.dev.example.com", "dockflare.service=http://dev:80"),
            Build.Container("root", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://a:80"),
            Build.Container("api", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/api", "dockflare.service=http://b:80"),
            Build.Container("users", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/api/users", "dockflare.service=http://c:80"));

        var rules = Assert.Single(state.Ingress).Rules;
        Assert.Equal(
            ["app.example.com ^/api/users(?:/|$)", "app.example.com ^/api(?:/|$)", "app.example.com ", "*.dev.example.com ", "*.example.com ", " "],
            rules.Select(r => $"{r.Hostname} {r.Path}"));
        Assert.Equal("http_status:404", rules[^1].Service);
    }

    [Fact]
    public void Compute_TunnelPerHost_EachDocumentHasItsOwnRoutes()
    {
        var state = Build.Run(
            Build.ContainerOn("h1", "a", "dockflare.enable=true", "dockflare.hostname=a.example.com", "dockflare.service=http://a:80"),
            Build.ContainerOn("h2", "b", "dockflare.enable=true", "dockflare.hostname=b.example.com", "dockflare.service=http://b:80"));

        Assert.Equal(["h1", "h2"], state.Ingress.Select(d => d.Tunnel));
        Assert.Equal("a.example.com", state.Ingress[0].Rules[0].Hostname);
        Assert.Equal("b.example.com", state.Ingress[1].Rules[0].Hostname);
        Assert.All(state.Ingress, d => Assert.Equal(2, d.Rules.Count));
    }

    [Fact]
    public void Compute_TunnelByHost_MapsHostsOntoTunnels()
    {
        var settings = Build.Settings() with { TunnelByHost = new Dictionary<string, string> { ["h1"] = "tunnel-1", ["h2"] = "tunnel-1" } };
        var state = Build.Run(settings,
            Build.ContainerOn("h1", "a", "dockflare.enable=true", "dockflare.hostname=a.example.com", "dockflare.service=http://a:80"),
            Build.ContainerOn("h2", "b", "dockflare.enable=true", "dockflare.hostname=b.example.com", "dockflare.service=http://b:80"));

        var document = Assert.Single(state.Ingress);
        Assert.Equal("tunnel-1", document.Tunnel);
        Assert.Equal(3, document.Rules.Count);
    }

    [Fact]
    public void Compute_HostnameAssignments_HaveZoneAndTunnel()
    {
        var state = Build.Run(
            Build.Container("a", "dockflare.enable=true", "dockflare.hostname=app.dev.example.com", "dockflare.service=http://a:80"),
            Build.Container("b", "dockflare.enable=true", "dockflare.hostname=app.dev.example.com", "dockflare.path=/x", "dockflare.service=http://b:80"));

        var assignment = Assert.Single(state.Hostnames);
        Assert.Equal(new HostnameAssignment("app.dev.example.com", "dev.example.com", "local", false), assignment);
    }

    [Fact]
    public void Compute_StoppedContainer_KeepsRoutesMarkedPending()
    {
        var stopped = Build.Container("web", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80")
            with { State = ContainerState.Stopped };

        var state = Build.Run(stopped);

        Assert.True(Assert.Single(state.Routes).PendingDeletion);
        Assert.True(Assert.Single(state.Hostnames).PendingDeletion);
        Assert.Equal(2, state.Ingress[0].Rules.Count);
    }

    [Fact]
    public void Compute_InputOrder_DoesNotChangeOutput()
    {
        var containers = new[]
        {
            Build.Container("a", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://a:80"),
            Build.Container("b", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/api", "dockflare.service=http://b:80"),
            Build.Container("c", "dockflare.enable=true", "dockflare.hostname=*.example.com", "dockflare.service=http://c:80"),
        };

        var forward = Build.Run(containers);
        var backward = Build.Run([.. containers.Reverse()]);

        Assert.Equal(forward.Ingress[0].ToConfigJson(), backward.Ingress[0].ToConfigJson());
        Assert.Equal(forward.Routes.Select(r => r.Key), backward.Routes.Select(r => r.Key));
    }
}
