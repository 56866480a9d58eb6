using System.Text.Json.Nodes;

namespace DockFlare.Modules.Agents;

/// <summary>One command and its state as the embedded store keeps it (JSON in a state-store setting).</summary>
internal sealed class EmbeddedAgentCommandRecord
{
    public required string Id { get; init; }

    public required string Action { get; init; }

    public required JsonObject Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public string State { get; set; } = AgentCommandStates.Pending;

    public int Deliveries { get; set; }

    public string? Result { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastDeliveredAt { get; set; }

    public bool IsOpen => !AgentCommandStates.IsFinal(State);

    public AgentCommand ToCommand(string agentId) =>
        new(Id, agentId, Action, (JsonObject)Payload.DeepClone(), CreatedAt, ExpiresAt) { Deliveries = Deliveries };
}
