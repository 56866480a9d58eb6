using DockFlare.Hosting.Plugins;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DockFlare.Agent.Docker;

/// <summary>Loads the Docker provider plugin for the agent, through the loader the master uses.</summary>
internal static class AgentDockerServices
{
    /// <summary>The plugin id (and folder name under the plugins directory) of the Docker provider.</summary>
    public const string PluginId = "docker";

    /// <summary>The plugins directory beside the agent's binaries, where its build and publish put <c>docker/</c>.</summary>
    public static string DefaultPluginsDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>
    /// Loads only <c>&lt;pluginsDirectory&gt;/docker</c> and adds its services: afterwards <see cref="IContainerRuntime"/>,
    /// <see cref="IContainerEventSource"/> and <see cref="IContainerManager"/> resolve. The plugin reads <c>DOCKER_HOST</c>
    /// from <paramref name="configuration"/>.
    /// </summary>
    /// <param name="services">The agent's services.</param>
    /// <param name="configuration">The agent's configuration.</param>
    /// <param name="pluginsDirectory">The plugins directory (usually <see cref="DefaultPluginsDirectory"/>).</param>
    /// <param name="log">Where the loader logs (the plugin's id, version and path, or why it is broken); nothing when null.</param>
    /// <exception cref="AgentPluginException">The plugin is missing, broken, not the Docker provider, or provides no engine.</exception>
    public static IServiceCollection AddAgentDocker(
        this IServiceCollection services, IConfiguration configuration, string pluginsDirectory, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginsDirectory);

        var folder = Path.Combine(Path.GetFullPath(pluginsDirectory), PluginId);
        var (status, loaded) = new PluginFolderLoader(log ?? NullLogger.Instance).LoadFolder(folder, configuration, services);
        if (loaded is null)
        {
            throw new AgentPluginException(status.State == PluginState.Missing
                ? $"The Docker provider plugin is missing: expected it in {folder} (the agent's build and image put it in plugins/{PluginId} beside the agent)."
                : $"The Docker provider plugin at {folder} cannot be used: {status.Error}");
        }

        if (status.Id != PluginId)
        {
            throw new AgentPluginException($"The plugin at {folder} is '{status.Id}', not the Docker provider '{PluginId}'.");
        }

        Type[] needed = [typeof(IContainerRuntime), typeof(IContainerEventSource), typeof(IContainerManager)];
        var missing = needed.Where(t => loaded.Services.All(d => d.ServiceType != t)).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            throw new AgentPluginException($"The Docker provider plugin at {folder} registers no {string.Join(", ", missing)}.");
        }

        foreach (var descriptor in loaded.Services)
        {
            services.Add(descriptor);
        }

        return services;
    }
}
