namespace DockFlare.Modules.Agents;

/// <summary>One container event from an agent.</summary>
/// <param name="Sequence">Its sequence number in the agent's session (increasing), or null when the agent sends none.</param>
/// <param name="Type"><c>container_start</c>, <c>container_stop</c>, <c>container_die</c> or <c>container_destroy</c>; others are ignored.</param>
/// <param name="Container">The container it is about.</param>
public sealed record AgentEvent(long? Sequence, string Type, ReportedContainer? Container);
