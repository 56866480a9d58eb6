using DockFlare.Core.Jobs;
using Hangfire;

namespace DockFlare.Host.Jobs;

/// <summary>
/// The one Hangfire job class of the host: it runs a module's <see cref="IRecurringJob"/> by its id.
/// Taking an id rather than a type keeps stored jobs valid across refactorings of the modules.
/// </summary>
public sealed class RecurringJobDispatcher(IEnumerable<IRecurringJob> jobs, ILogger<RecurringJobDispatcher> log)
{
    // A recurring job is never run twice at once, on any replica; a run that waits longer is dropped,
    // and the next occurrence tries again (so no retries pile up behind a slow run).
    [DisableConcurrentExecution(timeoutInSeconds: 10)]
    [AutomaticRetry(Attempts = 0, LogEvents = false)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = jobs.FirstOrDefault(j => j.Id == jobId);
        if (job is null)
        {
            log.LogWarning("Recurring job {JobId} is scheduled but no module declares it; it was skipped", jobId);
            return;
        }

        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await job.RunAsync(cancellationToken).ConfigureAwait(false);
            log.LogDebug("Recurring job {JobId} finished in {ElapsedMs:F0} ms", jobId, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Recurring job {JobId} failed", jobId);
            throw;
        }
    }
}
