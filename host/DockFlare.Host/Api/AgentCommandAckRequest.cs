namespace DockFlare.Host.Api;

/// <summary>The body of <c>POST /api/v2/agents/{id}/commands/{commandId}/ack</c>.</summary>
/// <param name="Outcome"><c>received</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Result">What happened, in the agent's words (optional; kept up to 4 KiB).</param>
internal sealed record AgentCommandAckRequest(string? Outcome, string? Result);
