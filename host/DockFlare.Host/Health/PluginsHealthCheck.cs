using DockFlare.Hosting.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DockFlare.Host.Health;

/// <summary>
/// Lists every plugin with its state. Unhealthy while a plugin the master needs (Cloudflare, Docker) is
/// broken or missing: the master cannot do its job. Degraded while only other plugins are broken.
/// </summary>
internal sealed class PluginsHealthCheck(PluginCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var plugin in catalog.Plugins)
        {
            // Two folders can claim one id; the second is listed under its folder too.
            var key = data.ContainsKey(plugin.Id) ? $"{plugin.Id} ({plugin.Path})" : plugin.Id;
            data[key] = plugin.State == PluginState.Loaded
                ? $"loaded {plugin.Version}"
                : $"{plugin.State.ToString().ToLowerInvariant()}: {plugin.Error} ({plugin.Path})";
        }

        var unusable = catalog.Unusable.ToList();
        var loaded = catalog.Plugins.Count - unusable.Count;
        var required = catalog.Required
            .Where(id => !catalog.Plugins.Any(p => p.Id == id && p.State == PluginState.Loaded))
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = (unusable.Count, required.Count) switch
        {
            (0, _) => HealthCheckResult.Healthy($"{loaded} plugins loaded from {catalog.Directory}", data),
            (_, 0) => HealthCheckResult.Degraded($"{unusable.Count} of {catalog.Plugins.Count} plugins not usable", data: data),
            _ => HealthCheckResult.Unhealthy($"required plugins not usable: {string.Join(", ", required)}", data: data),
        };
        return Task.FromResult(result);
    }
}
