using Autofac;

namespace DockFlare.Modules.Access;

/// <summary>Registers Access applications, reusable policies and groups.</summary>
public sealed class AccessModule(AccessOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
    }
}
