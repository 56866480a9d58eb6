using DockFlare.Host.Configuration;
using DockFlare.Hosting.Plugins;
using Serilog.Extensions.Logging;

namespace DockFlare.Host.Composition;

/// <summary>Loads the plugins folder (through the loader the master shares with the agent) and adds each loaded plugin's services to the host.</summary>
internal static class PluginComposition
{
    public static PluginCatalog AddDockFlarePlugins(this WebApplicationBuilder builder, DockFlareSettings settings, Serilog.ILogger log)
    {
        // The shared loader logs through Microsoft.Extensions.Logging; this factory hands its events to the host's Serilog logger.
        using var loggers = new SerilogLoggerFactory(log);
        var (catalog, loaded) = new PluginFolderLoader(loggers.CreateLogger<PluginFolderLoader>())
            .LoadAll(settings.Host.ResolvedPluginsDirectory, builder.Configuration, builder.Services, FirstPartyModules.ExpectedPlugins(settings));
        foreach (var plugin in loaded)
        {
            foreach (var descriptor in plugin.Services)
            {
                builder.Services.Add(descriptor);
            }
        }

        // A missing provider must never stop the master: modules still resolve, every call says why it failed.
        foreach (var contract in UnavailableProvider.CloudflareInterfaces.Where(c => builder.Services.All(d => d.ServiceType != c)))
        {
            builder.Services.AddSingleton(contract, UnavailableProvider.For(contract));
        }

        builder.Services.AddSingleton(catalog);
        return catalog;
    }
}
