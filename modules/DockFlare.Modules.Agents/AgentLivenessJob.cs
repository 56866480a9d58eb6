using DockFlare.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The <c>agents-liveness</c> job (every minute): logs each change of an agent's liveness once (the
/// last logged state is kept in the registry, so replicas do not repeat it). Going offline changes no
/// route: the agent's cloudflared keeps serving. Every <see cref="ConnectorCheckInterval"/> it also checks
/// the connectors of the agents' tunnels against the agents' addresses (B29), one Cloudflare call per
/// enrolled agent, and logs each new warning once.
/// </summary>
internal sealed class AgentLivenessJob(
    AgentDocuments documents, AgentLivenessReader liveness, AgentConnectorCheck connectors, TimeProvider time, ILogger<AgentLivenessJob> log) : IRecurringJob
{
    /// <summary>How often the connectors are checked (kept low: it costs a Cloudflare call per agent).</summary>
    internal static readonly TimeSpan ConnectorCheckInterval = TimeSpan.FromMinutes(5);

    private DateTimeOffset? _connectorsCheckedAt;

    public string Id => "agents-liveness";

    public string Cron => "* * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await LogLivenessChangesAsync().ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (_connectorsCheckedAt is not { } last || now - last >= ConnectorCheckInterval)
        {
            _connectorsCheckedAt = now;
            await connectors.CheckAllAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task LogLivenessChangesAsync()
    {
        foreach (var agent in await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false))
        {
            if (agent.Status == AgentStatus.Removing)
            {
                continue;
            }

            var (state, _) = await liveness.ReadAsync(agent.Id).ConfigureAwait(false);
            if (state == (agent.LoggedLiveness ?? AgentLiveness.Online))
            {
                continue;
            }

            var changed = false;
            await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agent.Id, current =>
                {
                    changed = current is not null && current.LoggedLiveness == agent.LoggedLiveness;
                    return changed ? current! with { LoggedLiveness = state } : current;
                })
                .ConfigureAwait(false);
            if (!changed)
            {
                continue; // another replica logged it
            }

            if (state == AgentLiveness.Offline)
            {
                log.LogWarning("Agent {AgentId} ({DisplayName}) is offline: no heartbeat within {TimeoutSeconds}s; its routes are unchanged",
                    agent.Id, agent.DisplayName, liveness.Intervals.OfflineAfterSeconds);
            }
            else
            {
                log.LogInformation("Agent {AgentId} ({DisplayName}) is {Liveness}", agent.Id, agent.DisplayName, state);
            }
        }
    }
}
