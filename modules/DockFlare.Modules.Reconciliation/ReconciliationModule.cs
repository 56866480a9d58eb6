using Autofac;

namespace DockFlare.Modules.Reconciliation;

/// <summary>Registers the reconciler, the local Docker source, the triggers and the reconcile and grace jobs.</summary>
public sealed class ReconciliationModule(ReconciliationOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
    }
}
