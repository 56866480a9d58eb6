namespace DockFlare.Modules.Agents;

/// <summary>The outcome of a registration.</summary>
/// <param name="Agent">The agent record.</param>
/// <param name="Created">Whether this registration created the agent.</param>
/// <param name="Intervals">The intervals the agent should use.</param>
public sealed record AgentRegistrationResult(AgentRecord Agent, bool Created, AgentIntervals Intervals);
