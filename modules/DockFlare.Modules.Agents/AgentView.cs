namespace DockFlare.Modules.Agents;

/// <summary>An agent with its liveness, as the admin API shows it.</summary>
/// <param name="Agent">The registry record.</param>
/// <param name="Liveness">Online, stale or offline.</param>
/// <param name="SecondsSinceHeartbeat">Seconds since the last heartbeat on the master's clock, or null when offline.</param>
/// <param name="ReportedContainers">How many containers its last report held.</param>
public sealed record AgentView(AgentRecord Agent, AgentLiveness Liveness, int? SecondsSinceHeartbeat, int ReportedContainers)
{
    /// <summary>What the agent last said about its cloudflared in a heartbeat; null when it never did (a 3.x agent).</summary>
    public AgentCloudflaredStatus? Cloudflared { get; init; }
}
