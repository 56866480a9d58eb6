using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>The persisted form of one source's routes: the set and its optimistic-concurrency version.</summary>
internal sealed record StoredRouteSource(long Version, RouteSet Routes);
