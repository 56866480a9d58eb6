using DockFlare.Agent.Tunnel;

namespace DockFlare.Agent.Master;

/// <summary>Sends a heartbeat with cloudflared's state every <c>heartbeatSeconds</c> the master asked for.</summary>
internal sealed class HeartbeatLoop(MasterClient master, MasterConnection connection, TunnelSupervisor tunnel, AgentTimings timings)
{
    /// <exception cref="MasterKeyRejectedException">The key was refused.</exception>
    /// <exception cref="AgentRemovedException">The agent was removed.</exception>
    public async Task RunAsync(string agentId, CancellationToken cancellationToken)
    {
        var backoff = new Backoff(timings);
        while (true)
        {
            TimeSpan wait;
            try
            {
                await master.HeartbeatAsync(agentId, new HeartbeatRequest(AgentVersion.Current, tunnel.Status), cancellationToken).ConfigureAwait(false);
                backoff.Reset();
                wait = TimeSpan.FromSeconds(connection.Intervals.HeartbeatSeconds);
            }
            catch (MasterUnavailableException ex)
            {
                wait = backoff.Next(ex.RetryAfter);
            }
            catch (MasterRequestException)
            {
                wait = TimeSpan.FromSeconds(connection.Intervals.HeartbeatSeconds);
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
