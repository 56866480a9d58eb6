using System.Threading.Channels;
using DockFlare.Core.Reconciliation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// Coalesces reconcile requests: the first request opens a short window (<c>RECONCILE_DEBOUNCE_MS</c>),
/// every request in it joins the same run, and requests that arrive during a run make exactly one
/// more run. Fifty containers starting therefore cause one or two reconciles, not fifty.
/// </summary>
internal sealed class ReconcileTrigger(
    IReconciler reconciler,
    LocalSourceReadiness localSource,
    ReconciliationOptions options,
    TimeProvider time,
    ILogger<ReconcileTrigger> log) : BackgroundService, IReconcileTrigger
{
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(30);
    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public void Request(string cause) => _requests.Writer.TryWrite(cause);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await localSource.Ready.WaitAsync(StartupWait, time, stoppingToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            log.LogWarning("The local Docker source did not finish its first scan in {Seconds} s; reconciling from the stored containers", StartupWait.TotalSeconds);
        }

        Request("start-up");
        while (!stoppingToken.IsCancellationRequested)
        {
            var first = await _requests.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
            if (options.DebounceMilliseconds > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(options.DebounceMilliseconds), time, stoppingToken).ConfigureAwait(false);
            }

            var causes = new SortedSet<string>(StringComparer.Ordinal) { first };
            while (_requests.Reader.TryRead(out var more))
            {
                causes.Add(more);
            }

            var cause = causes.Count <= 3 ? string.Join(", ", causes) : $"{string.Join(", ", causes.Take(3))} and {causes.Count - 3} more";
            try
            {
                await reconciler.ReconcileAsync(cause, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Boundary: the worker must survive anything a reconcile throws.
                log.LogError(exception, "Reconcile ({Cause}) failed unexpectedly", cause);
            }
        }
    }
}
