using System.Text.Json.Serialization;
using DockFlare.Core.Engine;

namespace DockFlare.Core.State;

/// <summary>Everything stored for one route source.</summary>
/// <param name="Routes">The last-known validated routes of the source.</param>
/// <param name="ManualRules">The manual rules as the user made them (only the manual source has any).</param>
public sealed record RouteSet(IReadOnlyList<RouteSpec> Routes, IReadOnlyList<ManualRule> ManualRules)
{
    /// <summary>A source with nothing stored.</summary>
    public static RouteSet Empty { get; } = new([], []);

    /// <summary>
    /// The labelled containers of a container source (the local Docker engine, an agent) as last
    /// seen, from which the engine derives the source's routes; empty for the manual source.
    /// </summary>
    public IReadOnlyList<KnownContainer> Containers { get; init; } = [];

    /// <summary>Whether the set holds no route, no manual rule and no container.</summary>
    [JsonIgnore]
    public bool IsEmpty => Routes.Count == 0 && ManualRules.Count == 0 && Containers.Count == 0;
}
