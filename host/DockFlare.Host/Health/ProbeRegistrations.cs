using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DockFlare.Host.Health;

/// <summary>
/// Adds one readiness check per provider probe. Probes come from plugins, so their names are only
/// known once the container is built; health-check options are configured at first use, which is then.
/// </summary>
internal sealed class ProbeRegistrations(IEnumerable<IReadinessProbe> probes) : IConfigureOptions<HealthCheckServiceOptions>
{
    public void Configure(HealthCheckServiceOptions options)
    {
        foreach (var probe in probes)
        {
            options.Registrations.Add(new HealthCheckRegistration(
                probe.Name,
                _ => new ReadinessProbeHealthCheck(probe),
                HealthStatus.Unhealthy,
                [HealthEndpoints.ReadyTag],
                TimeSpan.FromSeconds(10)));
        }
    }
}
