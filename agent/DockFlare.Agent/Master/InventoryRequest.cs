namespace DockFlare.Agent.Master;

/// <summary>The body of <c>POST /api/v2/agents/{id}/inventory</c>: the complete list of the agent's labelled containers.</summary>
internal sealed record InventoryRequest(string SessionId, bool Complete, IReadOnlyList<ReportedContainer> Containers);
