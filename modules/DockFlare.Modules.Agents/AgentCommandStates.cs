namespace DockFlare.Modules.Agents;

/// <summary>The states of a queued command, as stored and shown in the history.</summary>
internal static class AgentCommandStates
{
    /// <summary>Queued, not yet acknowledged: delivered on every poll until an acknowledgement.</summary>
    public const string Pending = "pending";

    /// <summary>The agent said it is executing it: not delivered again until the received timeout passes.</summary>
    public const string Received = "received";

    /// <summary>Final: the agent ran it.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Final: the agent ran it and it failed.</summary>
    public const string Failed = "failed";

    /// <summary>Final: it passed its expiry (or the agent was removed) before a final acknowledgement.</summary>
    public const string Expired = "expired";

    public static string Of(AgentCommandOutcome outcome) => outcome switch
    {
        AgentCommandOutcome.Received => Received,
        AgentCommandOutcome.Succeeded => Succeeded,
        AgentCommandOutcome.Failed => Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown outcome."),
    };

    public static bool IsFinal(string state) => state is Succeeded or Failed or Expired;
}
