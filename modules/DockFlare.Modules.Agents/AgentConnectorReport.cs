namespace DockFlare.Modules.Agents;

/// <summary>The connectors of an agent's tunnel, checked against the addresses the agent's requests come from.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="TunnelId">Its tunnel's id.</param>
/// <param name="TunnelName">Its tunnel's name.</param>
/// <param name="KnownAddresses">The agent's recent addresses, newest first; empty until it has called in (then nothing can be checked).</param>
/// <param name="Connectors">The tunnel's connectors.</param>
/// <param name="Warnings">One per connector that connects from an address that is not the agent's.</param>
public sealed record AgentConnectorReport(
    string AgentId,
    string TunnelId,
    string TunnelName,
    IReadOnlyList<string> KnownAddresses,
    IReadOnlyList<AgentConnectorView> Connectors,
    IReadOnlyList<string> Warnings);
