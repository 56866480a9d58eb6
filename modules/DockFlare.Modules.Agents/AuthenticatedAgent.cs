namespace DockFlare.Modules.Agents;

/// <summary>An agent whose key was checked for this request.</summary>
/// <param name="AgentId">The agent the key belongs to; requests may only touch this agent.</param>
/// <param name="KeyId">The public id of the key used (never the secret).</param>
/// <param name="Status">The agent's lifecycle status (<c>pending</c>, <c>enrolled</c>).</param>
public sealed record AuthenticatedAgent(string AgentId, string KeyId, string Status);
