using System.Threading.Channels;
using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// The master's own Docker engine as a source: a full list at start, the event stream (the provider
/// resumes it from the last event after a break), and a full list every <c>DOCKER_RESCAN_SECONDS</c>.
/// An event only asks for a new list: the list is the truth, so a lost or reordered event can never
/// leave the stored containers wrong. An engine that is down is retried and never deletes anything.
/// Waits between lists run on the real clock; <paramref name="time"/> dates the grace deadlines.
/// </summary>
internal sealed class LocalDockerSource(
    IEnumerable<IContainerRuntime> runtimes,
    IEnumerable<IContainerEventSource> eventSources,
    IStateStore store,
    IReconcileTrigger trigger,
    LocalSourceReadiness readiness,
    ReconciliationOptions options,
    LabelEngineOptions labels,
    TimeProvider time,
    ILogger<LocalDockerSource> log) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan EventDebounce = TimeSpan.FromMilliseconds(200);
    private readonly Channel<string> _changes = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runtime = runtimes.FirstOrDefault();
        if (!options.DockerSourceEnabled || runtime is null)
        {
            log.LogWarning("Local containers are not a source of routes: {Reason}",
                options.DockerSourceEnabled ? "no Docker provider is loaded" : "DOCKER_SOURCE_ENABLED is false");
            readiness.MarkReady();
            return;
        }

        var sync = new LocalInventorySync(store, options, labels, time);
        var watcher = eventSources.FirstOrDefault() is { } events ? WatchAsync(events, stoppingToken) : Task.CompletedTask;
        var reason = "docker initial scan";
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var containers = await runtime.ListContainersAsync([], includeStopped: true, stoppingToken).ConfigureAwait(false);
                if (await sync.ApplyAsync(containers, stoppingToken).ConfigureAwait(false) || !readiness.Ready.IsCompleted)
                {
                    trigger.Request(reason);
                }

                if (failing)
                {
                    log.LogInformation("The Docker engine answers again");
                    failing = false;
                }

                readiness.MarkReady();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Boundary: the engine may be down or answer nonsense; nothing is deleted meanwhile.
                if (!failing)
                {
                    log.LogWarning("The Docker engine cannot be listed; routes stay as last seen and the list is retried: {Error}", exception.Message);
                    failing = true;
                }

                readiness.MarkReady();
            }

            reason = await WaitForChangeAsync(failing ? RetryDelay : TimeSpan.FromSeconds(options.DockerRescanSeconds), stoppingToken).ConfigureAwait(false);
        }

        await watcher.ConfigureAwait(false);
    }

    private async Task<string> WaitForChangeAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(interval);
        try
        {
            var first = await _changes.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            await Task.Delay(EventDebounce, stoppingToken).ConfigureAwait(false);
            while (_changes.Reader.TryRead(out _))
            {
            }

            return first;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return "docker rescan";
        }
    }

    private async Task WatchAsync(IContainerEventSource events, CancellationToken stoppingToken)
    {
        DateTimeOffset? since = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var change in events.WatchAsync([], since, stoppingToken).ConfigureAwait(false))
                {
                    since = change.Time;
                    if (LocalInventorySync.IsOurs(change.Attributes, labels) || change.Action is "destroy" or "rename")
                    {
                        _changes.Writer.TryWrite($"docker {change.Action} {change.Attributes.GetValueOrDefault("name") ?? change.ContainerId[..Math.Min(12, change.ContainerId.Length)]}");
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The periodic list covers the gap; the stream resumes from the last event seen.
                log.LogDebug("Docker event stream interrupted: {Error}", exception.Message);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
