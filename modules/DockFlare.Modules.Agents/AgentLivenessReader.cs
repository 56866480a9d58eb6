namespace DockFlare.Modules.Agents;

/// <summary>Online, stale or offline from the heartbeat key alone (master clock; agent timestamps are never read).</summary>
internal sealed class AgentLivenessReader(IAgentHeartbeats heartbeats, AgentsOptions options)
{
    public AgentIntervals Intervals { get; } = new(
        options.HeartbeatIntervalSeconds,
        Math.Max(options.HeartbeatIntervalSeconds, 60),
        options.HeartbeatTimeoutSeconds,
        25);

    public async Task<(AgentLiveness Liveness, int? Seconds)> ReadAsync(string agentId)
    {
        var age = await heartbeats.AgeAsync(agentId).ConfigureAwait(false);
        if (age is not { } value)
        {
            return (AgentLiveness.Offline, null);
        }

        // One interval missed: more than an interval and a half without a beat.
        var stale = value.TotalSeconds > options.HeartbeatIntervalSeconds * 1.5;
        return (stale ? AgentLiveness.Stale : AgentLiveness.Online, (int)value.TotalSeconds);
    }
}
