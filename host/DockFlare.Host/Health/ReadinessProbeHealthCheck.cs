using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DockFlare.Host.Health;

/// <summary>Adapts a provider's <see cref="IReadinessProbe"/> to a health check.</summary>
internal sealed class ReadinessProbeHealthCheck(IReadinessProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ReadinessResult result;
        try
        {
            result = await probe.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A probe is plugin code: a throwing probe is reported, not propagated.
            return HealthCheckResult.Unhealthy($"the {probe.Name} probe failed: {ex.Message}");
        }

        return result.Status switch
        {
            ReadinessStatus.Ready => HealthCheckResult.Healthy(result.Detail),
            ReadinessStatus.Degraded => HealthCheckResult.Degraded(result.Detail),
            _ => HealthCheckResult.Unhealthy(result.Detail),
        };
    }
}
