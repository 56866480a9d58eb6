using DockFlare.Host.Configuration;
using DockFlare.Modules.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace DockFlare.Host.Health;

/// <summary>Redis when configured (a PING), otherwise the embedded state store's folder (writable).</summary>
internal sealed class StorageHealthCheck(StateOptions state, IConnectionMultiplexer? redis = null, RedisConnectionSettings? redisSettings = null)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis is not null)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy($"redis {redisSettings} answered in {latency.TotalMilliseconds:F1} ms");
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"redis {redisSettings} is unreachable: {ex.Message}");
            }
        }

        var directory = state.StateDirectory;
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".readyz-{Environment.ProcessId}");
            await File.WriteAllTextAsync(probe, "ok", cancellationToken).ConfigureAwait(false);
            File.Delete(probe);
            return HealthCheckResult.Healthy($"embedded store in {directory}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"the data folder {directory} is not writable: {ex.Message}");
        }
    }
}
