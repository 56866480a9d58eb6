using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.TestPlugins.Throwing;

/// <summary>Adds a service, then throws: the loader must keep nothing of it.</summary>
public sealed class ThrowingPlugin : IDockFlarePlugin
{
    /// <inheritdoc />
    public void Register(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton(new object());
        throw new InvalidOperationException("registrar failed on purpose");
    }
}
