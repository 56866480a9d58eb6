namespace DockFlare.Modules.Agents;

/// <summary>What agents report: heartbeats, complete inventories and container events.</summary>
public interface IAgentReports
{
    /// <summary>Records a heartbeat on the master's clock; returns the intervals the agent should use.</summary>
    Task<AgentIntervals> HeartbeatAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// Records a heartbeat that carries the agent's cloudflared status (kept for the admin API, replacing the last one);
    /// returns the intervals the agent should use.
    /// </summary>
    Task<AgentIntervals> HeartbeatAsync(string agentId, AgentCloudflaredReport cloudflared, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the agent's container list (authoritative: a container missing from it is gone and its
    /// routes enter the grace period). Out-of-scope hostnames are rejected with a diagnostic.
    /// </summary>
    Task<AgentReportResult> ReportInventoryAsync(string agentId, IReadOnlyList<ReportedContainer> containers, CancellationToken cancellationToken);

    /// <summary>
    /// Applies container events of one agent session; an event whose sequence was already applied in that
    /// session is skipped, so a retried batch changes nothing.
    /// </summary>
    Task<AgentReportResult> ApplyEventsAsync(string agentId, string? sessionId, IReadOnlyList<AgentEvent> events, CancellationToken cancellationToken);
}
