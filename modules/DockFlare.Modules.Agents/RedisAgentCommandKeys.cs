namespace DockFlare.Modules.Agents;

/// <summary>The Redis keys and channels of the command streams.</summary>
internal static class RedisAgentCommandKeys
{
    private const string Prefix = "dockflare:agents:";

    /// <summary>The agents that have open (pending or received) commands: the expiry job walks these.</summary>
    public const string AgentsWithOpenCommands = Prefix + "commands:open-agents";

    /// <summary>Every replica listens here (pattern) for commands queued on any replica.</summary>
    public const string QueuedPattern = Prefix + "*:commands:queued";

    /// <summary>The command log (and history): one entry per command, never deleted on read.</summary>
    public static string Stream(string agentId) => Prefix + agentId + ":commands";

    /// <summary>Sorted set of the open command ids, scored by expiry (Unix ms).</summary>
    public static string Open(string agentId) => Prefix + agentId + ":commands:open";

    /// <summary>Prefix of the per-command state hashes (state, deliveries, result, updatedAt, lastDeliveredAt).</summary>
    public static string StatePrefix(string agentId) => Prefix + agentId + ":command:";

    public static string State(string agentId, string commandId) => StatePrefix(agentId) + commandId;

    /// <summary>Published (message: the agent id) when a command is queued for the agent.</summary>
    public static string Queued(string agentId) => Prefix + agentId + ":commands:queued";
}
