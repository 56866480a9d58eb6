using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Host.Api;
using DockFlare.Host.Web.DryRun;

namespace DockFlare.Host.Web.Containers;

/// <summary>
/// Gathers a container's trace from the same services the API uses: the stored sources (its labels), the routes report
/// (its diagnostics and routes), the dry run (the steps for its hostnames) and the change log.
/// </summary>
internal sealed class ContainerTraceReader(
    IStateStore store, IReconciler reconciler, PreviewReader previews, ChangeLogReader changes, LabelEngineOptions labels)
{
    public const int MaxChanges = 50;

    public async Task<ContainerTrace> ReadAsync(string host, string name, CancellationToken cancellationToken)
    {
        var (source, known) = await FindAsync(host, name, cancellationToken);
        var report = await reconciler.GetRoutesAsync(cancellationToken);
        var routes = report.Routes.Where(r => IsThis(r.Route.Source, host, name)).ToList();
        var diagnostics = routes.SelectMany(r => r.Diagnostics)
            .Concat(report.Diagnostics.Where(d => d.Source == name && (d.Host is null || d.Host == host)))
            .Distinct()
            .ToList();
        var hostnames = routes.Select(r => r.Route.Hostname.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

        IReadOnlyList<ChangeLogEntry> entries = [];
        var more = false;
        IReadOnlyList<PlanStep> steps = [];
        string? planProblem = null;
        if (hostnames.Count > 0)
        {
            var (preview, problem) = await previews.ReadAsync(cancellationToken);
            planProblem = problem;
            steps = preview is null ? [] : [.. PlanSteps.From(preview.Plan).Where(s => s.Concerns(hostnames))];
            var page = await changes.ReadAsync(e => Mentions(e, hostnames), null, MaxChanges, cancellationToken);
            entries = page.Entries;
            more = page.Next is not null;
        }

        var last = reconciler.LastOutcome;
        var lastErrors = last?.Errors.Where(e => hostnames.Any(h => e.Contains(h, StringComparison.OrdinalIgnoreCase))).ToList() ?? [];
        var shown = known?.Container.Labels.Where(l => labels.IsDockFlareLabel(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal).ToList() ?? [];
        return new ContainerTrace(host, name, known, source, shown, diagnostics, routes, hostnames, steps, planProblem, entries, more, lastErrors, last);
    }

    private async Task<(RouteSourceKey? Source, KnownContainer? Known)> FindAsync(string host, string name, CancellationToken cancellationToken)
    {
        foreach (var source in await store.ListRouteSourcesAsync(cancellationToken))
        {
            if (source.Kind == RouteSourceKeyKind.Manual)
            {
                continue;
            }

            var set = await store.GetRoutesAsync(source, cancellationToken);
            if (set.Routes.Containers.FirstOrDefault(k => k.Container.Host == host && k.Container.Name == name) is { } known)
            {
                return (source, known);
            }
        }

        return (null, null);
    }

    private static bool IsThis(RouteSource source, string host, string name) =>
        source.Kind == RouteSourceKind.Container && source.Name == name && source.Host == host;

    // DNS, Access and adopt entries name the hostname (or the route key); an ingress entry names the tunnel and holds the rules.
    private static bool Mentions(ChangeLogEntry entry, IReadOnlySet<string> hostnames) =>
        hostnames.Any(h => entry.Target.Equals(h, StringComparison.OrdinalIgnoreCase)
                           || entry.Target.StartsWith(h + " ", StringComparison.OrdinalIgnoreCase)
                           || entry.Target.StartsWith(h + "/", StringComparison.OrdinalIgnoreCase)
                           || (entry.Before?.Contains('"' + h + '"', StringComparison.OrdinalIgnoreCase) ?? false)
                           || (entry.After?.Contains('"' + h + '"', StringComparison.OrdinalIgnoreCase) ?? false));
}
