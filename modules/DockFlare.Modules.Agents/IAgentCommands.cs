using System.Text.Json.Nodes;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Per-agent command streams: at-least-once delivery, never deleted on read, acknowledged,
/// expired by the <c>agents-expire-commands</c> job. A Redis stream per agent when Redis is
/// configured (shared by master replicas), the state store otherwise.
/// </summary>
public interface IAgentCommands
{
    /// <summary>Queues a command and wakes any long poll of that agent (on any replica) within a second.</summary>
    Task<AgentCommand> EnqueueAsync(string agentId, string action, JsonObject payload, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>
    /// The agent's pending commands (not finally acknowledged, not expired), oldest first; when there
    /// are none, waits up to <paramref name="wait"/> for one to be queued. Each returned command's
    /// delivery count goes up. Secrets (the tunnel token) are added to the payload here, never stored.
    /// </summary>
    Task<IReadOnlyList<AgentCommand>> WaitForCommandsAsync(string agentId, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Records the agent's outcome of a command; false when the command is unknown for that agent.</summary>
    Task<bool> AcknowledgeAsync(string agentId, string commandId, AgentCommandOutcome outcome, string? result, CancellationToken cancellationToken);

    /// <summary>The agent's newest commands with their state, newest first (bounded history).</summary>
    Task<IReadOnlyList<AgentCommandHistoryEntry>> HistoryAsync(string agentId, int limit, CancellationToken cancellationToken);

    /// <summary>Marks every pending command past its expiry as expired; returns how many.</summary>
    Task<int> ExpireAsync(CancellationToken cancellationToken);

    /// <summary>Drops every pending command of a removed agent (history kept, marked expired).</summary>
    Task CancelAllAsync(string agentId, CancellationToken cancellationToken);
}
