namespace DockFlare.Modules.Agents;

/// <summary>The cloudflared status in an agent's heartbeat, as the agent API validated it.</summary>
/// <param name="State">A short word such as <c>running</c> (letters, digits, <c>_</c>, <c>-</c>).</param>
/// <param name="ContainerName">The container's name.</param>
/// <param name="Image">The image.</param>
/// <param name="TunnelId">The tunnel it serves.</param>
/// <param name="Error">Why it is not running.</param>
/// <param name="AgentVersion">The agent's version.</param>
public sealed record AgentCloudflaredReport(string State, string? ContainerName, string? Image, string? TunnelId, string? Error, string? AgentVersion);
