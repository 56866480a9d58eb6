using Autofac;
using DockFlare.Host.Configuration;
using DockFlare.Modules.Access;
using DockFlare.Modules.Agents;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Dns;
using DockFlare.Modules.Reconciliation;
using DockFlare.Modules.State;
using DockFlare.Modules.Tunnels;

namespace DockFlare.Host.Composition;

/// <summary>The first-party modules, each registered through its Autofac module with its settings.</summary>
internal static class FirstPartyModules
{
    /// <summary>
    /// The plugins the host needs for its job; their absence is reported as missing. Docker only while local containers
    /// are a source (<c>DOCKER_SOURCE_ENABLED</c>): a master that publishes only its agents' hosts needs no engine.
    /// </summary>
    public static IReadOnlyCollection<string> ExpectedPlugins(DockFlareSettings settings) =>
        settings.Reconciliation.DockerSourceEnabled ? ["cloudflare", "docker"] : ["cloudflare"];

    public static void Register(ContainerBuilder builder, DockFlareSettings settings, CloudflareSetup cloudflare)
    {
        builder.RegisterInstance(cloudflare.Account).AsSelf().SingleInstance();
        if (cloudflare.Emulator is { } emulator)
        {
            // Owned by the container, so the emulator stops when the app is disposed.
            builder.RegisterInstance(emulator).AsSelf().SingleInstance();
        }

        builder.RegisterInstance(settings.Host).AsSelf().SingleInstance();
        builder.RegisterInstance(settings.Redis).AsSelf().SingleInstance();
        builder.RegisterInstance(settings.Labels).AsSelf().SingleInstance();
        builder.RegisterModule(new AgentsModule(settings.Agents));
        builder.RegisterModule(new TunnelsModule(settings.Tunnels));
        builder.RegisterModule(new DnsModule(settings.Dns));
        builder.RegisterModule(new AccessModule(settings.Access));
        builder.RegisterModule(new AuthModule(settings.Auth));
        builder.RegisterModule(new StateModule(settings.State));
        builder.RegisterModule(new ReconciliationModule(settings.Reconciliation));
    }
}
