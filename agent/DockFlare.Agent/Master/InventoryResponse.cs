namespace DockFlare.Agent.Master;

/// <summary>The master's answer to an inventory: how many containers it took and what it found wrong.</summary>
internal sealed record InventoryResponse(string? Code, int Accepted, bool Published, IReadOnlyList<string>? Diagnostics);
