using DockFlare.Core.Diagnostics;

namespace DockFlare.Core.Reconciliation;

/// <summary>Every desired route with its status, for <c>GET /api/v2/routes</c> and the UI.</summary>
/// <param name="Routes">The routes, ordered by hostname then path.</param>
/// <param name="Diagnostics">Findings that belong to no single route (label errors of a container, for example).</param>
/// <param name="LastOutcome">The last reconcile, or null before the first.</param>
/// <param name="IsSandbox">Whether Cloudflare is the in-process emulator.</param>
public sealed record RoutesReport(
    IReadOnlyList<RouteReport> Routes,
    IReadOnlyList<Diagnostic> Diagnostics,
    ReconcileOutcome? LastOutcome,
    bool IsSandbox);
