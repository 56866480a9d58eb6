namespace DockFlare.Modules.Agents;

/// <summary>Heartbeats on the master's clock: a key with a TTL (Redis) or an in-memory time (embedded).</summary>
internal interface IAgentHeartbeats
{
    /// <summary>Records a heartbeat now; it lapses after the offline timeout.</summary>
    Task BeatAsync(string agentId);

    /// <summary>The time since the last heartbeat, or null when it lapsed (offline).</summary>
    Task<TimeSpan?> AgeAsync(string agentId);

    /// <summary>Keeps what the agent said about its cloudflared in its last heartbeat (replacing the previous one).</summary>
    Task RecordCloudflaredAsync(string agentId, AgentCloudflaredStatus status);

    /// <summary>What the agent last said about its cloudflared, or null when it never did.</summary>
    Task<AgentCloudflaredStatus?> CloudflaredAsync(string agentId);

    /// <summary>Forgets the heartbeat and the cloudflared status.</summary>
    Task ForgetAsync(string agentId);
}
