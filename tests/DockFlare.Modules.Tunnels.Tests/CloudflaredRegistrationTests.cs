using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>How the module wires the supervisor and the advisor, including when the Docker provider is missing.</summary>
public sealed class CloudflaredRegistrationTests
{
    [Fact]
    public async Task Resolve_NoDockerProviderLoaded_SupervisorIsAHostedServiceThatIsDisabled()
    {
        using var container = Build(withDocker: false);

        var supervisor = Assert.Single(container.Resolve<IEnumerable<IHostedService>>().OfType<CloudflaredSupervisor>());
        var status = await supervisor.EnsureOnceAsync(CancellationToken.None);

        Assert.Same(supervisor, container.Resolve<CloudflaredSupervisor>());
        Assert.Equal(CloudflaredState.Disabled, status.State);
        Assert.Equal("no Docker provider is loaded", status.LastError);
    }

    [Fact]
    public void Resolve_DockerProviderLoaded_SupervisorIsEnabled()
    {
        using var container = Build(withDocker: true);

        Assert.Null(container.Resolve<CloudflaredSupervisor>().DisabledReason);
    }

    [Fact]
    public async Task Resolve_NoStateStore_SupervisorIsDisabled()
    {
        using var container = Build(withDocker: true, withStore: false);

        var status = await container.Resolve<CloudflaredSupervisor>().EnsureOnceAsync(CancellationToken.None);

        Assert.Equal(CloudflaredState.Disabled, status.State);
        Assert.Contains("state store", status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RouteAdvisor_IsTheReachabilityAdvisor()
    {
        using var container = Build(withDocker: false);

        Assert.IsType<ServiceReachabilityAdvisor>(container.Resolve<IRouteAdvisor>());
    }

    private static IContainer Build(bool withDocker, bool withStore = true)
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new TunnelsModule(new TunnelsOptions()));
        builder.RegisterInstance<IMasterTunnel>(new CloudflaredFakeMasterTunnel("home", "token"));
        builder.RegisterInstance(new CloudflareAccount("0123456789abcdef0123456789abcdef", IsSandbox: false));
        builder.RegisterInstance<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.RegisterGeneric(typeof(Logger<>)).As(typeof(ILogger<>)).SingleInstance();
        if (withStore)
        {
            builder.RegisterInstance(Substitute.For<IStateStore>());
        }

        if (withDocker)
        {
            builder.RegisterInstance(Substitute.For<IContainerManager>());
            builder.RegisterInstance(Substitute.For<IContainerRuntime>());
        }

        return builder.Build();
    }
}
