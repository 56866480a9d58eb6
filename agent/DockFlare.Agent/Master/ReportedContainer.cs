namespace DockFlare.Agent.Master;

/// <summary>A container as the agent reports it: id, name, state and its DockFlare labels only.</summary>
internal sealed record ReportedContainer(string Id, string Name, string? State, IReadOnlyDictionary<string, string>? Labels);
