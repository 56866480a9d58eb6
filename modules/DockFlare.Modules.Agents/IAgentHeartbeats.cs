namespace DockFlare.Modules.Agents;

/// <summary>Heartbeats on the master's clock: a key with a TTL (Redis) or an in-memory time (embedded).</summary>
internal interface IAgentHeartbeats
{
    /// <summary>Records a heartbeat now; it lapses after the offline timeout.</summary>
    Task BeatAsync(string agentId);

    /// <summary>The time since the last heartbeat, or null when it lapsed (offline).</summary>
    Task<TimeSpan?> AgeAsync(string agentId);

    Task ForgetAsync(string agentId);
}
