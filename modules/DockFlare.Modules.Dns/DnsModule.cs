using Autofac;

namespace DockFlare.Modules.Dns;

/// <summary>Registers the zone catalogue and CNAME management with ownership.</summary>
public sealed class DnsModule(DnsOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
    }
}
