using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Routing;

/// <summary>A validated route that still has to win its hostname and path against other claims.</summary>
internal sealed record RouteClaim(
    RouteKey Key,
    ParsedService Service,
    OriginRequest? Origin,
    NormalizedPath? Path,
    string? Zone,
    bool ExplicitZone,
    AccessIntent Access,
    RouteDraft Draft,
    DiagnosticSink Sink)
{
    public RouteSource Source => Draft.Source;

    public bool IsWildcard => Key.Hostname.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>Whether two claims would publish the same thing (then a second one is a harmless duplicate).</summary>
    public bool SameEffect(RouteClaim other) =>
        Service == other.Service && Equals(Origin, other.Origin) && Access.Mode == other.Access.Mode;
}
