using System.Text.Json.Nodes;

namespace DockFlare.Modules.Agents;

/// <summary>The argument checks both command stores share.</summary>
internal static class AgentCommandArguments
{
    public const int MaxAgentIdLength = 128;

    public static void CheckAgent(string agentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentId);
        if (agentId.Length > MaxAgentIdLength || agentId.Any(c => char.IsWhiteSpace(c) || c is ':' or '*' or '?' or '[' or ']'))
        {
            throw new ArgumentException($"'{agentId}' is not a valid agent id.", nameof(agentId));
        }
    }

    public static void Check(string agentId, string action, JsonObject payload, TimeSpan timeToLive)
    {
        CheckAgent(agentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
    }
}
