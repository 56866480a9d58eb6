namespace DockFlare.Agent.Master;

/// <summary>
/// The body of <c>POST /api/v2/agents/{id}/heartbeat</c>: the agent's version and its cloudflared's state, which the master
/// keeps and shows on the agent (docs/agent-protocol.md).
/// </summary>
internal sealed record HeartbeatRequest(string AgentVersion, CloudflaredStatusView? Cloudflared);
