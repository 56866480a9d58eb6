using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.Routing;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>B34-3: a service name cloudflared cannot resolve because they share no network.</summary>
public sealed class ServiceReachabilityAdvisorTests
{
    private const string Tunnel = "home";
    private static readonly string Cloudflared = CloudflaredContainerName.For(Tunnel);

    private readonly IContainerRuntime _runtime = Substitute.For<IContainerRuntime>();
    private readonly TunnelsOptions _options = new();

    [Fact]
    public async Task AdviseAsync_ServiceOnUnsharedNetwork_WarnsNamingTheHostAndBothNetworks()
    {
        Containers(Container(Cloudflared, "cloudflare-net"), Container("api", "backend"));

        var advice = await Advisor().AdviseAsync(Desired(Route("api.example.com", "http://api:8080", "api")), CancellationToken.None);

        var warning = Assert.Single(advice);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(ServiceReachabilityAdvisor.NetworkNotSharedCode, warning.Code);
        Assert.Equal("api", warning.Source);
        Assert.Equal("id-api", warning.ContainerId);
        Assert.StartsWith(
            "service host 'api' is on network(s) 'backend', none shared with cloudflared ('cloudflare-net'); the route is published but cannot be reached.",
            warning.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdviseAsync_NetworkShared_NoWarning()
    {
        Containers(Container(Cloudflared, "cloudflare-net"), Container("web", "backend", "cloudflare-net"));

        var advice = await Advisor().AdviseAsync(Desired(Route("web.example.com", "http://web:80", "web")), CancellationToken.None);

        Assert.Empty(advice);
        await _runtime.Received(1).ListContainersAsync(Arg.Any<IReadOnlyCollection<string>>(), true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AdviseAsync_NameOfNoLocalContainer_NoWarning()
    {
        Containers(Container(Cloudflared, "cloudflare-net"), Container("api", "backend"));

        var advice = await Advisor().AdviseAsync(Desired(Route("x.example.com", "http://elsewhere:80", "api")), CancellationToken.None);

        Assert.Empty(advice);
    }

    [Fact]
    public async Task AdviseAsync_ComposeServiceName_MatchesThroughTheComposeLabel()
    {
        var composed = Container("proj-api-1", "proj_default") with
        {
            Labels = new Dictionary<string, string> { ["com.docker.compose.service"] = "api" },
        };
        Containers(Container(Cloudflared, "cloudflare-net"), composed);

        var advice = await Advisor().AdviseAsync(Desired(Route("api.example.com", "tcp://api:5432", "proj-api-1")), CancellationToken.None);

        Assert.Contains("'proj_default'", Assert.Single(advice).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://api.internal:8080")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[fd00::1]:8080")]
    [InlineData("unix:/run/app.sock")]
    [InlineData("http_status:404")]
    public async Task AdviseAsync_ServiceNotABareName_DoesNotAskDocker(string service)
    {
        Containers(Container(Cloudflared, "cloudflare-net"));

        var advice = await Advisor().AdviseAsync(Desired(Route("a.example.com", service, "api")), CancellationToken.None);

        Assert.Empty(advice);
        await _runtime.DidNotReceiveWithAnyArgs().ListContainersAsync(default!, default, default);
    }

    [Fact]
    public async Task AdviseAsync_RouteOnAnotherTunnel_NotChecked()
    {
        Containers(Container(Cloudflared, "cloudflare-net"), Container("api", "backend"));
        var route = Route("api.example.com", "http://api:8080", "api") with { Tunnel = "agent-host-2" };

        var advice = await Advisor().AdviseAsync(Desired(route), CancellationToken.None);

        Assert.Empty(advice);
    }

    [Fact]
    public async Task AdviseAsync_NoManagedCloudflaredContainer_NoWarning()
    {
        Containers(Container("api", "backend"));

        var advice = await Advisor().AdviseAsync(Desired(Route("api.example.com", "http://api:8080", "api")), CancellationToken.None);

        Assert.Empty(advice);
    }

    [Fact]
    public async Task AdviseAsync_DockerUnavailable_ReturnsNoAdvice()
    {
        _runtime.ListContainersAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ContainerRuntimeUnavailableException("down"));

        var advice = await Advisor().AdviseAsync(Desired(Route("api.example.com", "http://api:8080", "api")), CancellationToken.None);

        Assert.Empty(advice);
    }

    [Fact]
    public async Task AdviseAsync_ExternalCloudflared_ReturnsNoAdviceWithoutAskingDocker()
    {
        _options.UseExternalCloudflared = true;
        Containers(Container(Cloudflared, "cloudflare-net"), Container("api", "backend"));

        var advice = await Advisor().AdviseAsync(Desired(Route("api.example.com", "http://api:8080", "api")), CancellationToken.None);

        Assert.Empty(advice);
        await _runtime.DidNotReceiveWithAnyArgs().ListContainersAsync(default!, default, default);
    }

    [Fact]
    public async Task AdviseAsync_TwoRoutesOfOneContainerToTheSameHost_WarnsOnce()
    {
        Containers(Container(Cloudflared, "cloudflare-net"), Container("api", "backend"));

        var advice = await Advisor().AdviseAsync(
            Desired(Route("api.example.com", "http://api:8080", "api"), Route("api2.example.com", "http://api:9090", "api")),
            CancellationToken.None);

        Assert.Single(advice);
    }

    [Fact]
    public async Task AdviseAsync_CloudflaredRunsUnderItsAlternateName_ChecksTheRunningOne()
    {
        // After a replacement the live cloudflared is "<name>-b"; a stopped leftover under the first name must not hide it.
        var stale = Container(Cloudflared, "old-net") with { State = "exited" };
        var live = Container(CloudflaredContainerName.Alternate(Cloudflared), "cloudflare-net");
        Containers(stale, live, Container("api", "backend"), Container("web", "old-net"));

        var advice = await Advisor().AdviseAsync(
            Desired(Route("api.example.com", "http://api:8080", "api"), Route("web.example.com", "http://web:80", "web")),
            CancellationToken.None);

        Assert.Equal(2, advice.Count);
        Assert.All(advice, d => Assert.Contains("none shared with cloudflared ('cloudflare-net')", d.Message, StringComparison.Ordinal));
    }

    private ServiceReachabilityAdvisor Advisor() =>
        new(_options, new CloudflaredFakeMasterTunnel(Tunnel, "token"), NullLogger<ServiceReachabilityAdvisor>.Instance, _runtime);

    private void Containers(params ContainerSnapshot[] containers) =>
        _runtime.ListContainersAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(containers);

    private static ContainerSnapshot Container(string name, params string[] networks) =>
        new("id-" + name, name, "img", "running", new Dictionary<string, string>(), DateTimeOffset.UnixEpoch) { Networks = networks };

    private static RouteSpec Route(string hostname, string service, string container) => new(
        new RouteKey(hostname, ""),
        service,
        ServiceKind.Http,
        null,
        "example.com",
        Tunnel,
        new RouteSource(RouteSourceKind.Container, "id-" + container, container, LocalHost.Name, null),
        AccessIntent.NoneFor(hostname, null),
        PendingDeletion: false);

    private static DesiredState Desired(params RouteSpec[] routes) => new(routes, [], [], [], []);
}
