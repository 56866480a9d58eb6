using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Hosting.Plugins;

/// <summary>A plugin that loaded: its loader (kept alive for the process) and the services it registered.</summary>
internal sealed record LoadedPlugin(PluginStatus Status, PluginLoader Loader, IServiceCollection Services);
