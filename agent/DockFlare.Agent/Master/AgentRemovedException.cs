namespace DockFlare.Agent.Master;

/// <summary>The master answered 410 <c>agent_removed</c>: this agent was removed and must remove its cloudflared.</summary>
internal sealed class AgentRemovedException(string message) : MasterException(message);
