namespace DockFlare.Agent.Master;

/// <summary>The master's answer to an event batch (<c>duplicate_sequence</c> when a retry changed nothing).</summary>
internal sealed record EventBatchResponse(string? Code, long? AcceptedThrough, int Applied, int Duplicates, IReadOnlyList<string>? Diagnostics);
