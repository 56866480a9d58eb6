using DockFlare.Host.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DockFlare.Host.Health;

/// <summary>Degraded while any plugin is broken or missing; lists each with its reason.</summary>
internal sealed class PluginsHealthCheck(PluginCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = catalog.Plugins.ToDictionary(
            p => p.Id,
            p => (object)(p.State == PluginState.Loaded ? $"loaded {p.Version}" : $"{p.State.ToString().ToLowerInvariant()}: {p.Error} ({p.Path})"));
        var unusable = catalog.Unusable.Count();
        var loaded = catalog.Plugins.Count - unusable;
        return Task.FromResult(unusable == 0
            ? HealthCheckResult.Healthy($"{loaded} plugins loaded from {catalog.Directory}", data)
            : HealthCheckResult.Degraded($"{unusable} of {catalog.Plugins.Count} plugins not usable", data: data));
    }
}
