namespace DockFlare.Agent.Master;

/// <summary>The body of <c>POST /api/v2/agents/{id}/commands/{commandId}/ack</c>.</summary>
/// <param name="Outcome"><c>received</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Result">What happened (never a secret).</param>
internal sealed record AckRequest(string Outcome, string? Result);
