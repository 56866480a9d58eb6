namespace DockFlare.Agent.Cloudflared;

/// <summary>
/// This agent's id, once the master gave it (at registration, then from the persisted state). The cloudflared container's
/// name and owner label are derived from it, so two agents on one engine never touch each other's container.
/// </summary>
internal interface IAgentIdentity
{
    /// <summary>The agent id, or null before the first registration.</summary>
    string? AgentId { get; }
}
