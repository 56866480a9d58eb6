using Autofac;

namespace DockFlare.Modules.Tunnels;

/// <summary>Registers tunnel lifecycle, ingress apply and the master's own cloudflared.</summary>
public sealed class TunnelsModule(TunnelsOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
    }
}
