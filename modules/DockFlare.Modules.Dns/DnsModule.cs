using Autofac;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Dns;

/// <summary>Registers the zone catalogue and CNAME management with ownership.</summary>
public sealed class DnsModule(DnsOptions options) : Module
{
    /// <inheritdoc />
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.RegisterInstance(TimeProvider.System).As<TimeProvider>().IfNotRegistered(typeof(TimeProvider));
        builder.RegisterType<ZoneCatalog>().As<IZoneCatalog>().SingleInstance();
        builder.RegisterType<DnsGateway>().As<IDnsGateway>().SingleInstance();
    }
}
