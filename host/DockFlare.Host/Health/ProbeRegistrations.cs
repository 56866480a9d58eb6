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
        // Two plugins may name their probes alike; health checks need unique names, so the second is numbered.
        var taken = options.Registrations.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            var name = probe.Name;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = $"{probe.Name}#{n}";
            }

            options.Registrations.Add(new HealthCheckRegistration(
                name,
                _ => new ReadinessProbeHealthCheck(probe),
                HealthStatus.Unhealthy,
                [HealthEndpoints.ReadyTag],
                TimeSpan.FromSeconds(10)));
        }
    }
}
