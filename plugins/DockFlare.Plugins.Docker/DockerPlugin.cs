using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Plugins.Docker;

/// <summary>Registers the Docker Engine container runtime, its event stream and the manager of DockFlare's own containers.</summary>
public sealed class DockerPlugin : IDockFlarePlugin
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(context);

        var endpoint = DockerEndpoint.Parse(context.Configuration[DockerEndpoint.SettingName]);
        services.AddSingleton(endpoint);
        services.AddSingleton<DockerContainerRuntime>();
        services.AddSingleton<IContainerRuntime>(sp => sp.GetRequiredService<DockerContainerRuntime>());
        services.AddSingleton<IContainerEventSource, DockerEventSource>();
        services.AddSingleton<IContainerManager, DockerContainerManager>();
        services.AddSingleton<IReadinessProbe, DockerReadinessProbe>();
    }
}
