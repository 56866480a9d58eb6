namespace DockFlare.Agent.Master;

/// <summary>The master's answer to a registration: the id to adopt, the agent's status and the intervals to follow.</summary>
internal sealed record RegisterResponse(string? AgentId, string? Status, int ProtocolVersion, MasterIntervals? Intervals);
