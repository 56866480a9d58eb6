using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Builds the routes report: the desired state from the stored sources (with the cached zones and
/// tunnels), each route's status from the last reconcile, its grace deadline, and every finding
/// about it (engine, planner, advisors). Makes no Cloudflare write and, with warm caches, no call.
/// </summary>
internal sealed class RouteReporter(PassReader passes, SourceReader sources, IEnumerable<IRouteAdvisor> advisors, ILogger<RouteReporter> log)
{
    private readonly Lock _gate = new();
    private HashSet<RouteKey> _active = [];

    public void MarkActive(IEnumerable<RouteKey> keys)
    {
        var active = keys.ToHashSet();
        lock (_gate)
        {
            _active = active;
        }
    }

    public async Task<RoutesReport> ReportAsync(ReconcileOutcome? last, bool sandbox, CancellationToken cancellationToken)
    {
        DesiredState desired;
        IReadOnlyList<Core.State.GraceDeadline> deadlines;
        var general = new List<Diagnostic>();
        try
        {
            var pass = await passes.ReadAsync(cancellationToken).ConfigureAwait(false);
            desired = pass.Desired;
            deadlines = pass.Sources.Deadlines;
        }
        catch (ReconcileException exception)
        {
            var snapshot = await sources.ReadAsync(cancellationToken).ConfigureAwait(false);
            desired = DesiredStateEngine.Compute(new EngineInput(snapshot.Containers, snapshot.ManualRules, new EngineSettings()));
            deadlines = snapshot.Deadlines;
            general.Add(new Diagnostic(DiagnosticSeverity.Warning, "cloudflare-unavailable", null, null,
                $"Zones and tunnels could not be read, so zones and tunnels below may be incomplete: {exception.Message}"));
        }

        var advice = new List<Diagnostic>();
        foreach (var advisor in advisors)
        {
            try
            {
                advice.AddRange(await advisor.AdviseAsync(desired, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Advice is optional: a failing advisor must never hide the routes.
                log.LogDebug(exception, "Route advisor {Advisor} failed", advisor.GetType().Name);
            }
        }

        HashSet<RouteKey> active;
        lock (_gate)
        {
            active = _active;
        }

        var blocked = last?.Plan.BlockedRoutes.ToHashSet() ?? [];
        var planFindings = last?.Plan.Diagnostics ?? [];
        var findings = desired.Diagnostics.Concat(planFindings).Concat(advice).ToList();
        var used = new HashSet<Diagnostic>(ReferenceEqualityComparer.Instance);
        var routes = new List<RouteReport>();
        foreach (var route in desired.Routes.OrderBy(r => r.Hostname, StringComparer.Ordinal).ThenBy(r => r.Key.Path, StringComparer.Ordinal))
        {
            var mine = findings.Where(d => About(d, route)).ToList();
            used.UnionWith(mine);
            var status = route.PendingDeletion ? RoutePublication.PendingDeletion
                : blocked.Contains(route.Key) || planFindings.Any(d => d.Severity == DiagnosticSeverity.Error && mine.Contains(d)) ? RoutePublication.Blocked
                : active.Contains(route.Key) ? RoutePublication.Active
                : RoutePublication.Pending;
            var deleteAt = route.PendingDeletion ? deadlines.FirstOrDefault(d => d.OwnerKey == route.Source.OwnerKey)?.DeleteAt : null;
            routes.Add(new RouteReport(route, status, deleteAt, mine));
        }

        general.AddRange(findings.Where(d => !used.Contains(d)));
        return new RoutesReport(routes, general, last, sandbox);
    }

    // Findings name their source (container name and host, or "manual:<id>"), not the route key.
    private static bool About(Diagnostic diagnostic, RouteSpec route) =>
        diagnostic.Source is not null
        && (route.Source.Kind == RouteSourceKind.Manual
            ? diagnostic.Source == "manual:" + route.Source.Id || diagnostic.Source == route.Source.Name
            : diagnostic.Source == route.Source.Name && (diagnostic.Host is null || diagnostic.Host == route.Source.Host))
        && (diagnostic.Message.Contains(route.Hostname, StringComparison.OrdinalIgnoreCase) || !diagnostic.Message.Contains('.', StringComparison.Ordinal));
}
