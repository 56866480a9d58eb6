using System.Reflection;
using DockFlare.Plugins.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DockFlare.Hosting.Plugins;

/// <summary>
/// Loads every plugin folder under the plugins directory with McMaster.NETCore.Plugins. A plugin that
/// cannot be used is logged with its id and path, recorded as broken, and skipped: the host keeps
/// starting. A registrar writes into a copy of the host's services, so that the TryAdd calls of framework
/// helpers (AddHttpClient, AddOptions) see what the host already has, and one that throws half-way leaves
/// nothing behind. Only what it added is kept; a registrar that removes or replaces host services is broken.
/// Shared by the master (every plugin folder) and the agent (the Docker plugin only, <see cref="LoadFolder"/>).
/// </summary>
internal sealed class PluginFolderLoader(ILogger log, Version hostContract)
{
    // Types whose assemblies the host shares with plugins; each has a reason.
    private static readonly Type[] SharedTypes =
    [
        typeof(IDockFlarePlugin),    // the contract itself
        typeof(IServiceCollection),  // registrars add services to the host's container
        typeof(IConfiguration),      // plugins read their settings from the host's configuration
        typeof(ILogger),             // plugins log through the host's logging
    ];

    public PluginFolderLoader(ILogger log)
        : this(log, PluginContract.Version)
    {
    }

    public (PluginCatalog Catalog, IReadOnlyList<LoadedPlugin> Loaded) LoadAll(
        string pluginsDirectory, IConfiguration configuration, IServiceCollection hostServices, IReadOnlyCollection<string> expectedIds)
    {
        var statuses = new List<PluginStatus>();
        var loaded = new List<LoadedPlugin>();
        var directory = Path.GetFullPath(pluginsDirectory);
        if (!Directory.Exists(directory))
        {
            log.LogError("The plugins folder {PluginsDirectory} does not exist; no plugin is loaded", directory);
        }
        else
        {
            foreach (var folder in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            {
                var status = LoadOne(folder, configuration, hostServices, statuses, out var plugin);
                statuses.Add(status);
                if (plugin is not null)
                {
                    loaded.Add(plugin);
                }
            }
        }

        foreach (var id in expectedIds.Where(id => statuses.All(s => s.Id != id)))
        {
            var path = Path.Combine(directory, id);
            log.LogError("Plugin {PluginId} is missing: expected at {PluginPath}", id, path);
            statuses.Add(new PluginStatus(id, path, null, PluginState.Missing, $"not found in {directory}"));
        }

        return (new PluginCatalog(directory, statuses, expectedIds), loaded);
    }

    /// <summary>
    /// Loads the one plugin folder <paramref name="pluginFolder"/> (for a process that needs a single provider, such as
    /// the agent and its Docker plugin). A folder that does not exist is <see cref="PluginState.Missing"/>; one that
    /// cannot be used is <see cref="PluginState.Broken"/>, logged with its id and path like every other.
    /// </summary>
    public (PluginStatus Status, LoadedPlugin? Loaded) LoadFolder(
        string pluginFolder, IConfiguration configuration, IServiceCollection hostServices)
    {
        var folder = Path.GetFullPath(pluginFolder);
        if (!Directory.Exists(folder))
        {
            var id = Path.GetFileName(folder);
            log.LogError("Plugin {PluginId} is missing: expected at {PluginPath}", id, folder);
            return (new PluginStatus(id, folder, null, PluginState.Missing, $"{folder} does not exist"), null);
        }

        var status = LoadOne(folder, configuration, hostServices, [], out var plugin);
        return (status, plugin);
    }

    private PluginStatus LoadOne(
        string folder, IConfiguration configuration, IServiceCollection hostServices, List<PluginStatus> seen, out LoadedPlugin? plugin)
    {
        plugin = null;
        var id = Path.GetFileName(folder);
        string? version = null;
        try
        {
            var (manifest, entryPath) = PluginManifestReader.Read(folder, hostContract);
            id = manifest.Id;
            version = manifest.Version;
            if (seen.Any(s => s.Id == id && s.State == PluginState.Loaded))
            {
                return Broken(id, folder, version, $"another plugin with id '{id}' is already loaded");
            }

            var loader = PluginLoader.CreateFromAssemblyFile(
                entryPath,
                SharedTypes,
                config => config.PreferSharedTypes = true);
            var registrar = CreateRegistrar(loader.LoadDefaultAssembly());
            IServiceCollection services = new ServiceCollection();
            foreach (var descriptor in hostServices)
            {
                services.Add(descriptor);
            }

            registrar.Register(services, new PluginContext(manifest, Path.GetFullPath(folder), configuration));
            var added = TakeAdded(hostServices, services);

            var status = new PluginStatus(id, folder, version, PluginState.Loaded, null);
            plugin = new LoadedPlugin(status, loader, added);
            log.LogInformation(
                "Loaded plugin {PluginId} {PluginVersion} from {PluginPath} ({ServiceCount} services)",
                id, version, folder, added.Count);
            return status;
        }
        catch (PluginManifestException ex)
        {
            return Broken(ex.PluginId ?? id, folder, version, ex.Message);
        }
        catch (ArgumentException ex)
        {
            // A registrar's answer to a bad setting (DOCKER_HOST, CF_ACCOUNT_ID...): the message says it all.
            return Broken(id, folder, version, ex.Message);
        }
        catch (Exception ex)
        {
            // A plugin is a boundary: whatever it throws, the host keeps starting without it.
            return Broken(id, folder, version, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private static IServiceCollection TakeAdded(IServiceCollection hostServices, IServiceCollection services)
    {
        var unchanged = services.Count >= hostServices.Count
                        && hostServices.Select((d, i) => ReferenceEquals(d, services[i])).All(same => same);
        if (!unchanged)
        {
            throw new PluginManifestException("its registrar removed or replaced host services; plugins may only add services");
        }

        IServiceCollection added = new ServiceCollection();
        foreach (var descriptor in services.Skip(hostServices.Count))
        {
            added.Add(descriptor);
        }

        return added;
    }

    private static IDockFlarePlugin CreateRegistrar(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            throw new PluginManifestException(
                $"its types could not be loaded: {ex.LoaderExceptions.FirstOrDefault()?.Message ?? ex.Message}", ex);
        }

        var candidates = types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDockFlarePlugin).IsAssignableFrom(t))
            .ToList();
        return candidates.Count switch
        {
            0 => throw new PluginManifestException(
                $"{assembly.GetName().Name} has no public {nameof(IDockFlarePlugin)} implementation"),
            > 1 => throw new PluginManifestException(
                $"{assembly.GetName().Name} has {candidates.Count} {nameof(IDockFlarePlugin)} implementations; it must have one"),
            _ => Activator.CreateInstance(candidates[0]) as IDockFlarePlugin
                 ?? throw new PluginManifestException($"{candidates[0].FullName} could not be created"),
        };
    }

    private PluginStatus Broken(string id, string folder, string? version, string reason, Exception? ex = null)
    {
        log.LogError(ex, "Plugin {PluginId} at {PluginPath} is broken and was skipped: {Reason}", id, folder, reason);
        return new PluginStatus(id, folder, version, PluginState.Broken, reason);
    }
}
