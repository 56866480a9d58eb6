using DockFlare.Agent.Master;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Agent.Containers;

/// <summary>
/// Follows the engine's container events for labelled containers from the start (before the master answers, so nothing
/// between the first inventory and the first event is missed) and queues them for <see cref="EventSender"/>.
/// </summary>
/// <remarks>
/// The provider's stream already reopens itself after a break, from the last event it saw. Should it still fail, it is
/// opened again from the time of the last event received here, after a backoff; it is never given up on.
/// </remarks>
internal sealed class EventWatcher(
    IContainerEventSource events,
    DockFlareLabels labels,
    EventQueue queue,
    AgentTimings timings,
    ILogger<EventWatcher> log) : BackgroundService
{
    /// <summary>The engine time of the last event received; the stream resumes from it.</summary>
    public DateTimeOffset? LastEventTime { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(timings);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var engineEvent in events.WatchAsync(labels.EnableKeys, LastEventTime, stoppingToken).ConfigureAwait(false))
                {
                    LastEventTime = engineEvent.Time;
                    backoff.Reset();
                    if (ContainerEventMapper.Map(engineEvent, labels) is { } pending)
                    {
                        queue.Add(pending);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The boundary of the watcher: whatever broke the stream, it is opened again from the last event.
                var delay = backoff.Next();
                log.LogWarning("The Docker event stream broke ({Reason}): reopening it from the last event in {Delay:0.0} s", ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                continue;
            }

            // The stream ended although it should not: open it again from where it was.
            await Task.Delay(backoff.Next(), stoppingToken).ConfigureAwait(false);
        }
    }
}
