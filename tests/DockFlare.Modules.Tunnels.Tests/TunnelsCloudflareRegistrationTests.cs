using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Account = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Tunnels.Tests;

public sealed class TunnelsCloudflareRegistrationTests
{
    [Fact]
    public void Load_WithProviderAndAccount_ResolvesTunnelContractsAsSingletonsWithoutATimeProvider()
    {
        var builder = new ContainerBuilder();
        builder.RegisterModule(new TunnelsModule(new TunnelsOptions { TunnelName = "home" }));
        builder.RegisterInstance(Substitute.For<ICloudflareTunnels>()).As<ICloudflareTunnels>();
        builder.RegisterInstance(new Account("0123456789abcdef0123456789abcdef", IsSandbox: false));
        builder.RegisterGeneric(typeof(NullLogger<>)).As(typeof(ILogger<>)).SingleInstance();
        using var container = builder.Build();

        Assert.IsType<MasterTunnel>(container.Resolve<IMasterTunnel>());
        Assert.IsType<TunnelDirectory>(container.Resolve<ITunnelDirectory>());
        Assert.IsType<IngressGateway>(container.Resolve<IIngressGateway>());
        Assert.Same(container.Resolve<IMasterTunnel>(), container.Resolve<IMasterTunnel>());
        Assert.Same(container.Resolve<ITunnelDirectory>(), container.Resolve<ITunnelDirectory>());
        Assert.Same(container.Resolve<IIngressGateway>(), container.Resolve<IIngressGateway>());
    }

    [Fact]
    public async Task EnsureAsync_CloudflareNotConfigured_ThrowsWithoutCallingTheProvider()
    {
        var tunnels = Substitute.For<ICloudflareTunnels>();
        var master = new MasterTunnel(tunnels, new Account(null, IsSandbox: false), new TunnelsOptions(), NullLogger<MasterTunnel>.Instance);

        var error = await Assert.ThrowsAsync<ReconcileException>(() => master.EnsureAsync(CancellationToken.None));

        Assert.Contains("CF_ACCOUNT_ID", error.Message, StringComparison.Ordinal);
        Assert.Empty(tunnels.ReceivedCalls());
    }
}
