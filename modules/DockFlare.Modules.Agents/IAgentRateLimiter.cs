namespace DockFlare.Modules.Agents;

/// <summary>
/// The per-agent request budget of the agent API (<c>AGENT_RATE_LIMIT_PER_MINUTE</c>): a token bucket per
/// agent, in Redis when it is configured (shared by every master replica), in process otherwise.
/// </summary>
public interface IAgentRateLimiter
{
    /// <summary>Takes one request from the budget of <paramref name="partition"/> (an agent id, or <c>key:&lt;keyId&gt;</c> before registration).</summary>
    Task<AgentRateDecision> TryAcquireAsync(string partition, CancellationToken cancellationToken);
}
