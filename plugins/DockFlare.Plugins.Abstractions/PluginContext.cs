using Microsoft.Extensions.Configuration;

namespace DockFlare.Plugins.Abstractions;

/// <summary>What a plugin is told about itself and its host while it registers.</summary>
/// <param name="Manifest">The plugin's parsed manifest.</param>
/// <param name="Directory">The plugin's folder (absolute).</param>
/// <param name="Configuration">The host's configuration (environment variables and settings files).</param>
public sealed record PluginContext(PluginManifest Manifest, string Directory, IConfiguration Configuration);
