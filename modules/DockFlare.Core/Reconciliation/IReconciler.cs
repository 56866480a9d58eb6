namespace DockFlare.Core.Reconciliation;

/// <summary>
/// The master's main job: sources → engine → planner → applier. Implemented by the Reconciliation
/// module; the REST API, the jobs and the triggers call it.
/// </summary>
public interface IReconciler
{
    /// <summary>
    /// Reads every source and the live Cloudflare state, plans, and applies the plan in order, as the
    /// only writer (a distributed lock). Failures are caught, logged and returned in the outcome; the
    /// next run finishes the job.
    /// </summary>
    /// <param name="cause">What asked for it (<c>start-up</c>, <c>docker events</c>, <c>job reconcile</c>, <c>api by admin</c>).</param>
    /// <param name="cancellationToken">Stops between operations.</param>
    Task<ReconcileOutcome> ReconcileAsync(string cause, CancellationToken cancellationToken);

    /// <summary>The dry run: the plan a reconcile would apply now, without writing anything.</summary>
    Task<ReconcilePreview> PreviewAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every desired route with its publication status, from the stored sources and the last
    /// reconcile (no Cloudflare call, so it is cheap to poll).
    /// </summary>
    Task<RoutesReport> GetRoutesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes ownership of the objects that stand in the way of <paramref name="hostname"/> (and
    /// <paramref name="path"/>): a DNS record of that name, the Access application of that domain, and
    /// an ingress rule with that hostname and path on the route's tunnel. Nothing is changed in
    /// Cloudflare; the next reconcile manages them like its own.
    /// </summary>
    /// <param name="hostname">The hostname of a desired route.</param>
    /// <param name="path">The route's path as emitted, or null for the whole host.</param>
    /// <param name="by">Who asked, for the change log.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One line per adopted object; empty when nothing was in the way.</returns>
    /// <exception cref="ReconcileException">No desired route has that hostname and path, or Cloudflare cannot be read.</exception>
    Task<IReadOnlyList<string>> AdoptAsync(string hostname, string? path, string by, CancellationToken cancellationToken);

    /// <summary>The outcome of the last finished reconcile in this process, or null before the first.</summary>
    ReconcileOutcome? LastOutcome { get; }
}
