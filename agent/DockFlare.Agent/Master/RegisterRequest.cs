namespace DockFlare.Agent.Master;

/// <summary>The body of <c>POST /api/v2/agents/register</c>.</summary>
internal sealed record RegisterRequest(string? AgentId, string DisplayName, string Hostname, string AgentVersion, IReadOnlyList<int> SupportedProtocols);
