namespace DockFlare.Agent.Master;

/// <summary>The master's answer to a heartbeat.</summary>
internal sealed record HeartbeatResponse(string? Status, string? AgentStatus, MasterIntervals? Intervals);
