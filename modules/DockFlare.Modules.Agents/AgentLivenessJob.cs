using DockFlare.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The <c>agents-liveness</c> job (every minute): logs each change of an agent's liveness once (the
/// last logged state is kept in the registry, so replicas do not repeat it). Going offline changes no
/// route: the agent's cloudflared keeps serving.
/// </summary>
internal sealed class AgentLivenessJob(AgentDocuments documents, AgentLivenessReader liveness, ILogger<AgentLivenessJob> log) : IRecurringJob
{
    public string Id => "agents-liveness";

    public string Cron => "* * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
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
