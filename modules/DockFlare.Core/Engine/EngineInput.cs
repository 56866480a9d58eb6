namespace DockFlare.Core.Engine;

/// <summary>Everything the engine turns into desired state.</summary>
/// <param name="Containers">Containers of every host, running or stopped within their grace period.</param>
/// <param name="ManualRules">Rules made in the UI or API.</param>
/// <param name="Settings">Zones, default zone, label prefix and the host-to-tunnel map.</param>
public sealed record EngineInput(
    IReadOnlyList<ContainerInput> Containers,
    IReadOnlyList<ManualRule> ManualRules,
    EngineSettings Settings)
{
    /// <summary>
    /// The owners chosen by the previous run (<see cref="DesiredState.Owners"/>). A previous
    /// owner that still claims its route keeps it, so a restart of either claimant never
    /// moves a contested route back and forth.
    /// </summary>
    public IReadOnlyDictionary<RouteKey, string>? PriorOwners { get; init; }
}
