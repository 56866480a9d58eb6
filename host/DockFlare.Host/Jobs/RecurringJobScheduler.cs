using DockFlare.Core.Jobs;
using Hangfire;
using Hangfire.Storage;

namespace DockFlare.Host.Jobs;

/// <summary>
/// At start, schedules every <see cref="IRecurringJob"/> the modules declare under its stable id, and
/// removes schedules that no module declares any more (left by an older version in shared storage).
/// </summary>
internal sealed class RecurringJobScheduler(
    IEnumerable<IRecurringJob> jobs,
    IRecurringJobManager manager,
    JobStorage storage,
    ILogger<RecurringJobScheduler> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var declared = jobs.ToList();
        foreach (var duplicate in declared.GroupBy(j => j.Id).Where(g => g.Count() > 1))
        {
            throw new InvalidOperationException($"Recurring job id '{duplicate.Key}' is declared {duplicate.Count()} times.");
        }

        foreach (var job in declared)
        {
            if (!RecurringJobIds.IsValid(job.Id))
            {
                throw new InvalidOperationException($"Recurring job id '{job.Id}' is not valid (lower-case letters, digits, dashes).");
            }

            var id = job.Id;
            manager.AddOrUpdate<RecurringJobDispatcher>(id, d => d.RunAsync(id, CancellationToken.None), job.Cron);
            log.LogInformation("Scheduled recurring job {JobId} ({Cron})", id, job.Cron);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(r => declared.All(j => j.Id != r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
            log.LogInformation("Removed recurring job {JobId}: no module declares it any more", stale.Id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
