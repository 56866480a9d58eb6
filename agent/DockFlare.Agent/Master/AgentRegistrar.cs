using DockFlare.Agent.State;

namespace DockFlare.Agent.Master;

/// <summary>
/// Registers the agent with the master, retrying transient failures with backoff for as long as it takes, and adopts the
/// id the master answers. It runs beside cloudflared supervision, never before it.
/// </summary>
internal sealed class AgentRegistrar(
    MasterClient master,
    AgentStateStore state,
    AgentSettings settings,
    AgentTimings timings,
    ILogger<AgentRegistrar> log)
{
    /// <summary>Supported protocol versions, preferred first.</summary>
    public static readonly IReadOnlyList<int> Protocols = [2];

    /// <summary>Registers and returns the agent id to use.</summary>
    /// <exception cref="MasterKeyRejectedException">The key was refused.</exception>
    /// <exception cref="AgentRemovedException">The agent was removed.</exception>
    public async Task<string> RegisterAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(timings);
        while (true)
        {
            var known = state.AgentId;
            var request = new RegisterRequest(known, DisplayName(known), Environment.MachineName, AgentVersion.Current, Protocols, state.Current.Tunnel?.TunnelId);
            try
            {
                var answer = await master.RegisterAsync(request, cancellationToken).ConfigureAwait(false);
                var id = answer.AgentId!;
                if (!string.Equals(id, known, StringComparison.OrdinalIgnoreCase))
                {
                    state.Update(s => s with { AgentId = id });
                    if (known is not null)
                    {
                        log.LogWarning("The master gave this agent the id {AgentId} instead of its saved id {SavedAgentId}: adopted", id, known);
                    }
                }

                log.LogInformation("Registered with the master at {MasterUrl} as agent {AgentId} ({AgentStatus})", settings.MasterUri, id, answer.Status);
                return id;
            }
            catch (MasterUnavailableException ex)
            {
                await Task.Delay(backoff.Next(ex.RetryAfter), cancellationToken).ConfigureAwait(false);
            }
            catch (MasterRequestException ex)
            {
                var delay = backoff.Next();
                log.LogError("The master refused the registration (HTTP {Status} {Code}: {Reason}); trying again in {Delay:0} s",
                    ex.Status, ex.Code, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private string DisplayName(string? agentId) =>
        !string.IsNullOrWhiteSpace(settings.DisplayName) ? settings.DisplayName.Trim()
        : agentId is { Length: >= 8 } ? "agent-" + agentId[..8]
        : "dockflare-agent";
}
