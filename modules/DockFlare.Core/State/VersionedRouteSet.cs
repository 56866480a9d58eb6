namespace DockFlare.Core.State;

/// <summary>The routes of one source with the version to pass back when replacing them.</summary>
/// <param name="Source">The source.</param>
/// <param name="Routes">The stored routes; <see cref="RouteSet.Empty"/> when nothing was stored.</param>
/// <param name="Version">The version of the stored set: 0 when the source was never written, then 1, 2, ...</param>
public sealed record VersionedRouteSet(RouteSourceKey Source, RouteSet Routes, long Version);
