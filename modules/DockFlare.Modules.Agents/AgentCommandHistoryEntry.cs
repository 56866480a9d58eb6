namespace DockFlare.Modules.Agents;

/// <summary>One command in an agent's bounded history, for the UI.</summary>
/// <param name="Command">The command as queued (no secret).</param>
/// <param name="State">pending, received, succeeded, failed or expired.</param>
/// <param name="Result">The agent's result text, if any.</param>
/// <param name="UpdatedAt">When the state last changed.</param>
public sealed record AgentCommandHistoryEntry(AgentCommand Command, string State, string? Result, DateTimeOffset UpdatedAt);
