namespace DockFlare.Agent.Master;

/// <summary>
/// The body of <c>POST /api/v2/agents/{id}/heartbeat</c>. The master accepts and ignores it today (any JSON object); it
/// carries the agent's version and its cloudflared's state for when the master stores them.
/// </summary>
internal sealed record HeartbeatRequest(string AgentVersion, CloudflaredStatusView? Cloudflared);
