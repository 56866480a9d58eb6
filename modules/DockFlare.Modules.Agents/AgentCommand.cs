using System.Text.Json.Nodes;

namespace DockFlare.Modules.Agents;

/// <summary>One command for one agent, as queued and as delivered.</summary>
/// <param name="Id">The command id (unique, sortable by creation).</param>
/// <param name="AgentId">The agent it is for.</param>
/// <param name="Action">What to do: <c>start_tunnel</c>, <c>restart_tunnel</c>, <c>stop_tunnel</c>, ...</param>
/// <param name="Payload">The action's fields. Never holds a secret when stored: secrets (the tunnel token) are added at delivery.</param>
/// <param name="CreatedAt">When it was queued (master clock).</param>
/// <param name="ExpiresAt">After this it is no longer delivered and is marked expired in the history.</param>
public sealed record AgentCommand(string Id, string AgentId, string Action, JsonObject Payload, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>How many times it has been handed to the agent without an acknowledgement of completion.</summary>
    public int Deliveries { get; init; }
}
