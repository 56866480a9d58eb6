using DockFlare.Host.Configuration;
using DockFlare.Host.Plugins;

namespace DockFlare.Host.Composition;

/// <summary>Loads the plugins folder and adds each loaded plugin's services to the host.</summary>
internal static class PluginComposition
{
    public static PluginCatalog AddDockFlarePlugins(this WebApplicationBuilder builder, HostSettings settings, Serilog.ILogger log)
    {
        var (catalog, loaded) = new PluginFolderLoader(log)
            .LoadAll(settings.ResolvedPluginsDirectory, builder.Configuration, builder.Services, FirstPartyModules.ExpectedPlugins);
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
