using DockFlare.Core.Jobs;
using Hangfire;
using Hangfire.Storage;

namespace DockFlare.Host.Jobs;

/// <summary>
/// Schedules every <see cref="IRecurringJob"/> the modules declare under its stable id, and removes
/// schedules that no module declares any more (left by an older version in shared storage). Storage that
/// is down at start (Redis restarting) is retried in the background: it never stops the master.
/// </summary>
internal sealed class RecurringJobScheduler(
    IEnumerable<IRecurringJob> jobs,
    IRecurringJobManager manager,
    JobStorage storage,
    ILogger<RecurringJobScheduler> log) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<IRecurringJob> _declared = Validate(jobs.ToList());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Schedule();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The storage is the boundary here: whatever it throws, try again later.
                log.LogWarning("Could not schedule recurring jobs yet ({Reason}); retrying in {Delay}", ex.Message, delay);
            }

            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
    }

    private void Schedule()
    {
        foreach (var job in _declared)
        {
            var id = job.Id;
            manager.AddOrUpdate<RecurringJobDispatcher>(id, d => d.RunAsync(id, CancellationToken.None), job.Cron);
            log.LogInformation("Scheduled recurring job {JobId} ({Cron})", id, job.Cron);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(r => _declared.All(j => j.Id != r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
            log.LogInformation("Removed recurring job {JobId}: no module declares it any more", stale.Id);
        }
    }

    // Bad ids are a programming error in a module: they stop the start, before any storage is touched.
    private static List<IRecurringJob> Validate(List<IRecurringJob> declared)
    {
        foreach (var duplicate in declared.GroupBy(j => j.Id).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Recurring job id '{duplicate.Key}' is declared {duplicate.Count()} times.");
        }

        foreach (var job in declared.Where(j => !RecurringJobIds.IsValid(j.Id)))
        {
            throw new InvalidOperationException($"Recurring job id '{job.Id}' is not valid (lower-case letters, digits, dashes).");
        }

        return declared;
    }
}
