using Autofac;
using DockFlare.Core.Jobs;
using DockFlare.Core.Reconciliation;
using Microsoft.Extensions.Hosting;

namespace DockFlare.Modules.Reconciliation;

/// <summary>Registers the reconciler, the local Docker source, the trigger and the <c>reconcile</c> and <c>grace-expiry</c> jobs.</summary>
public sealed class ReconciliationModule(ReconciliationOptions options) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(options).AsSelf().SingleInstance();
        builder.RegisterInstance(TimeProvider.System).As<TimeProvider>().IfNotRegistered(typeof(TimeProvider));
        builder.RegisterType<InstanceIdentity>().AsSelf().SingleInstance();
        builder.RegisterType<SourceReader>().AsSelf().SingleInstance();
        builder.RegisterType<PassReader>().AsSelf().SingleInstance();
        builder.RegisterType<ObservedReader>().AsSelf().SingleInstance();
        builder.RegisterType<PlanApplier>().AsSelf().SingleInstance();
        builder.RegisterType<RouteReporter>().AsSelf().SingleInstance();
        builder.RegisterType<Reconciler>().As<IReconciler>().SingleInstance();
        builder.RegisterType<LocalSourceReadiness>().AsSelf().SingleInstance();
        builder.RegisterType<ReconcileTrigger>().As<IReconcileTrigger>().As<IHostedService>().SingleInstance();
        builder.RegisterType<LocalDockerSource>().As<IHostedService>().SingleInstance();
        builder.RegisterType<ReconcileJob>().As<IRecurringJob>().SingleInstance();
        builder.RegisterType<GraceExpiryJob>().As<IRecurringJob>().SingleInstance();
    }
}
