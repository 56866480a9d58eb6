using DockFlare.Agent.Master;
using DockFlare.Agent.State;
using DockFlare.Agent.Tunnel;

namespace DockFlare.Agent.Health;

/// <summary>
/// Decides <c>/health</c>: <b>healthy</b> when the master answered within <see cref="AgentTimings.HealthyContact"/> and
/// cloudflared is as desired (running, or no tunnel to run); <b>degraded</b> when the master answered within
/// <see cref="AgentTimings.DegradedContact"/>, or cloudflared is not running while the master is fine; <b>unhealthy</b>
/// otherwise, and always when the key was refused or the agent removed.
/// </summary>
/// <remarks>Before the master's first answer, the contact age counts from the agent's start, so a fresh agent is not unhealthy at once.</remarks>
internal sealed class HealthEvaluator(MasterConnection connection, TunnelSupervisor tunnel, AgentStateStore state, AgentTimings timings, TimeProvider clock)
{
    public HealthReport Evaluate()
    {
        var now = clock.GetUtcNow();
        var lastContact = connection.LastContact;
        var age = now - (lastContact ?? connection.StartedAt);
        string status;
        if (connection.KeyRejected || connection.Removed)
        {
            status = HealthStatus.Unhealthy;
        }
        else if (age < timings.HealthyContact)
        {
            status = tunnel.IsAsDesired ? HealthStatus.Healthy : HealthStatus.Degraded;
        }
        else
        {
            status = age < timings.DegradedContact ? HealthStatus.Degraded : HealthStatus.Unhealthy;
        }

        return new HealthReport(
            status,
            state.AgentId,
            lastContact is { } contact ? (long)Math.Floor((now - contact).TotalSeconds) : null,
            connection.Reachable,
            connection.KeyRejected,
            connection.Removed,
            tunnel.Status);
    }
}
