namespace DockFlare.Agent.Master;

/// <summary>
/// The body of <c>POST /api/v2/agents/register</c>. <see cref="TunnelId"/> is the tunnel the agent's saved state holds,
/// written even when null: an enrolled agent that says it has none (its state was lost) gets <c>start_tunnel</c> again.
/// </summary>
internal sealed record RegisterRequest(
    string? AgentId,
    string DisplayName,
    string Hostname,
    string AgentVersion,
    IReadOnlyList<int> SupportedProtocols,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? TunnelId);
