using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Plugins.Abstractions;

/// <summary>
/// The one entry point of a plugin. Its entry assembly holds exactly one public, non-abstract
/// implementation with a parameterless constructor.
/// </summary>
/// <remarks>
/// A registrar only adds services; it must not start work, open connections or resolve
/// services. The host owns the container and decides what runs.
/// </remarks>
public interface IDockFlarePlugin
{
    /// <summary>Adds the plugin's services.</summary>
    /// <param name="services">The services the plugin contributes; added to the host's container.</param>
    /// <param name="context">The plugin's identity, folder and the host's configuration.</param>
    void Register(IServiceCollection services, PluginContext context);
}
