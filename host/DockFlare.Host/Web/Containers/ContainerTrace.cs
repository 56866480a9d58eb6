using DockFlare.Core.Diagnostics;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Host.Web.DryRun;

namespace DockFlare.Host.Web.Containers;

/// <summary>Everything the master stores and computes about one container: why it is, or is not, live.</summary>
/// <param name="Host">The Docker host (<c>local</c> for the master's own engine).</param>
/// <param name="Name">The container name.</param>
/// <param name="Known">The container as last stored, or null when no source holds it.</param>
/// <param name="Source">The source that holds it (local engine or agent).</param>
/// <param name="Labels">Its labels under DockFlare's prefixes, by key.</param>
/// <param name="Diagnostics">What the label engine and the last plan said about it.</param>
/// <param name="Routes">The routes it produced, with their status.</param>
/// <param name="Hostnames">Their hostnames (lower case).</param>
/// <param name="Steps">The steps of the current dry run that concern those hostnames.</param>
/// <param name="PlanProblem">Why there is no dry run, when there is none.</param>
/// <param name="Changes">Change-log entries about those hostnames, newest first.</param>
/// <param name="MoreChanges">Whether older entries may exist beyond those read.</param>
/// <param name="LastErrors">Errors of this process's last reconcile that name those hostnames.</param>
/// <param name="LastReconcile">That reconcile, or null before the first.</param>
internal sealed record ContainerTrace(
    string Host,
    string Name,
    KnownContainer? Known,
    RouteSourceKey? Source,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<RouteReport> Routes,
    IReadOnlySet<string> Hostnames,
    IReadOnlyList<PlanStep> Steps,
    string? PlanProblem,
    IReadOnlyList<ChangeLogEntry> Changes,
    bool MoreChanges,
    IReadOnlyList<string> LastErrors,
    ReconcileOutcome? LastReconcile);
