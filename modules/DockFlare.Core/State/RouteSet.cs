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

    /// <summary>Whether the set holds no route and no manual rule.</summary>
    [JsonIgnore]
    public bool IsEmpty => Routes.Count == 0 && ManualRules.Count == 0;
}
