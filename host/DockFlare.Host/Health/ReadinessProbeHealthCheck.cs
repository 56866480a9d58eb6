using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DockFlare.Host.Health;

/// <summary>Adapts a provider's <see cref="IReadinessProbe"/> to a health check, with its own time limit.</summary>
internal sealed class ReadinessProbeHealthCheck(IReadinessProbe probe) : IHealthCheck
{
    // Shorter than the health check's own timeout, so that a slow dependency is reported by name rather
    // than as the framework's anonymous "A timeout occurred while running check."
    internal static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(8);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        ReadinessResult result;
        try
        {
            result = await probe.CheckAsync(limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the {probe.Name} probe did not answer within {TimeLimit.TotalSeconds:F0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
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
