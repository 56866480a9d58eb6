namespace DockFlare.Agent.Master;

/// <summary>The body of <c>POST /api/v2/agents/{id}/events</c>.</summary>
internal sealed record EventBatchRequest(string SessionId, IReadOnlyList<AgentEventItem> Events);
