using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Reconciliation;

/// <summary>One desired route and where it stands.</summary>
/// <param name="Route">The route.</param>
/// <param name="Status">Its publication status.</param>
/// <param name="DeleteAt">When its grace period ends, for a route whose container stopped.</param>
/// <param name="Diagnostics">What the engine and the last plan said about it (conflicts, blocked Access, advice).</param>
public sealed record RouteReport(
    RouteSpec Route,
    RoutePublication Status,
    DateTimeOffset? DeleteAt,
    IReadOnlyList<Diagnostic> Diagnostics);
