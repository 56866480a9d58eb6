namespace DockFlare.Core.Jobs;

/// <summary>
/// A job a module wants run on a schedule. The host registers it with Hangfire under <see cref="Id"/>
/// and never runs two executions of one job at once, across all master replicas.
/// </summary>
/// <remarks>Jobs must be idempotent: a run can be repeated after a crash or a lost lock.</remarks>
public interface IRecurringJob
{
    /// <summary>A stable id (lower-case, dashes), such as <c>reconcile</c>. Renaming it orphans the schedule.</summary>
    string Id { get; }

    /// <summary>A cron expression (five fields, UTC), such as <c>*/5 * * * *</c>.</summary>
    string Cron { get; }

    /// <summary>Runs the job once.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
