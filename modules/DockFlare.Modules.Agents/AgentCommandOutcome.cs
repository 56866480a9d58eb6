namespace DockFlare.Modules.Agents;

/// <summary>What an agent reports about a command.</summary>
public enum AgentCommandOutcome
{
    /// <summary>Received and being executed; it stays pending until a final outcome.</summary>
    Received,

    /// <summary>Executed successfully; never delivered again.</summary>
    Succeeded,

    /// <summary>Executed and failed; never delivered again (the result says why).</summary>
    Failed,
}
