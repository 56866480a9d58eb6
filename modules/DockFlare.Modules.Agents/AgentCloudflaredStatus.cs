namespace DockFlare.Modules.Agents;

/// <summary>What an agent last said about its cloudflared (in its heartbeat), as the admin API shows it.</summary>
/// <param name="State">The agent's word for it: <c>running</c>, <c>stopped</c>, <c>missing</c>, <c>failed</c>, <c>none</c>...</param>
/// <param name="ContainerName">The container's name on the agent's engine.</param>
/// <param name="Image">The image it runs.</param>
/// <param name="TunnelId">The tunnel it serves.</param>
/// <param name="Error">Why it is not running, when the agent knows.</param>
/// <param name="AgentVersion">The agent's version.</param>
/// <param name="ReportedAt">When the master received it (the master's clock).</param>
public sealed record AgentCloudflaredStatus(
    string State,
    string? ContainerName,
    string? Image,
    string? TunnelId,
    string? Error,
    string? AgentVersion,
    DateTimeOffset ReportedAt);
