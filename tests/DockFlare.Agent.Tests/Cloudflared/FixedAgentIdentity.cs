using DockFlare.Agent.Cloudflared;

namespace DockFlare.Agent.Tests.Cloudflared;

/// <summary>An agent identity that answers a fixed id (null: not registered yet).</summary>
internal sealed class FixedAgentIdentity(string? agentId) : IAgentIdentity
{
    public string? AgentId { get; } = agentId;
}
