namespace DockFlare.Core.State;

/// <summary>The result of merging a container list into a source's stored containers.</summary>
/// <param name="Containers">The containers to store.</param>
/// <param name="Changed">Whether they differ from what was stored (nothing needs writing otherwise).</param>
/// <param name="StartDeadlines">Owners whose grace period starts now (stopped or removed, no deadline yet).</param>
/// <param name="ClearDeadlines">Owners that run again, so any deadline of theirs is cancelled.</param>
public sealed record InventoryChange(
    IReadOnlyList<KnownContainer> Containers,
    bool Changed,
    IReadOnlyList<string> StartDeadlines,
    IReadOnlyList<string> ClearDeadlines);
