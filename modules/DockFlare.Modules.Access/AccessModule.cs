using Autofac;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Access;

/// <summary>Registers Access applications, reusable policies and groups.</summary>
public sealed class AccessModule(AccessOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.RegisterType<AccessGroupStore>().AsSelf().SingleInstance();
        builder.RegisterType<AccessGroupSync>().AsSelf().SingleInstance();
        builder.RegisterType<AccessGroupEditor>().As<IAccessGroups>().SingleInstance();
        builder.RegisterType<AppliedIntentNotes>().AsSelf().SingleInstance();
        builder.RegisterType<AccessGateway>().As<IAccessGateway>().SingleInstance();
    }
}
