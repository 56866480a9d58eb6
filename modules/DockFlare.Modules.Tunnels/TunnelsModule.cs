using Autofac;

namespace DockFlare.Modules.Tunnels;

/// <summary>Registers tunnel lifecycle, ingress apply and the master's own cloudflared.</summary>
public sealed class TunnelsModule(TunnelsOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.RegisterType<MasterTunnel>().As<IMasterTunnel>().SingleInstance();
        builder.RegisterType<TunnelDirectory>().As<DockFlare.Core.Reconciliation.ITunnelDirectory>().SingleInstance();
        builder.RegisterType<IngressGateway>().As<DockFlare.Core.Reconciliation.IIngressGateway>().SingleInstance();
        builder.RegisterType<CloudflaredSupervisor>().AsSelf().As<Microsoft.Extensions.Hosting.IHostedService>().SingleInstance();
        builder.RegisterType<ServiceReachabilityAdvisor>().As<DockFlare.Core.Reconciliation.IRouteAdvisor>().SingleInstance();
    }
}
