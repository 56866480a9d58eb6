using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Logging;

namespace DockFlare.Plugins.Docker;

/// <summary>
/// Docker's event stream for containers, reopened from the last event seen after any break. The original
/// system resumed with "since now" (losing the gap) and gave up after five errors; this never gives up.
/// </summary>
internal sealed class DockerEventSource : IContainerEventSource
{
    private static readonly TimeSpan MinDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    private readonly Func<ContainerEventsParameters, IProgress<Message>, CancellationToken, Task> _open;
    private readonly string _endpoint;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    public DockerEventSource(DockerContainerRuntime runtime, ILogger<DockerEventSource> log)
        : this(runtime.MonitorEventsAsync, runtime.Endpoint.ToString(), TimeProvider.System, log)
    {
    }

    /// <summary>For tests: any stream opener and clock.</summary>
    internal DockerEventSource(
        Func<ContainerEventsParameters, IProgress<Message>, CancellationToken, Task> open, string endpoint, TimeProvider clock, ILogger log)
    {
        _open = open;
        _endpoint = endpoint;
        _clock = clock;
        _log = log;
    }

    public async IAsyncEnumerable<ContainerEvent> WatchAsync(
        IReadOnlyCollection<string> anyOfLabelKeys,
        DateTimeOffset? since,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anyOfLabelKeys);
        var position = new EventPosition(since);
        var delay = MinDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var channel = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
            using var streamCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var from = position.Since;
            position.Opened(_clock.GetUtcNow());
            var pump = Pump(from, channel.Writer, streamCancel.Token);
            Exception? failure = null;
            while (true)
            {
                Message? message = null;
                try
                {
                    if (!await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    channel.Reader.TryRead(out message);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = ex;
                    break;
                }

                if (message is null || !position.Advance(message))
                {
                    continue;
                }

                delay = MinDelay;
                if (ToEvent(message) is { } containerEvent && Matches(containerEvent, anyOfLabelKeys))
                {
                    yield return containerEvent;
                }
            }

            await streamCancel.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            _log.LogWarning(
                "The Docker event stream at {DockerHost} ended ({Reason}); reopening from the last event in {Delay}",
                _endpoint, failure?.Message ?? "closed by the engine", delay);
            await Task.Delay(delay, _clock, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
        }
    }

    private async Task Pump(string? since, ChannelWriter<Message> writer, CancellationToken cancellationToken)
    {
        var parameters = new ContainerEventsParameters
        {
            Since = since,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["type"] = new Dictionary<string, bool> { ["container"] = true },
            },
        };
        try
        {
            await _open(parameters, new ChannelProgress(writer), cancellationToken).ConfigureAwait(false);
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            // The engine is a boundary: any failure ends this stream and the reader reopens it.
            writer.TryComplete(cancellationToken.IsCancellationRequested ? null : ex);
        }
    }

    private static ContainerEvent? ToEvent(Message message)
    {
        var id = message.Actor?.ID ?? message.ID;
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var attributes = message.Actor?.Attributes is { } source
            ? new Dictionary<string, string>(source, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var action = message.Action ?? message.Status ?? "";
        return new ContainerEvent(id, action, DateTimeOffset.FromUnixTimeMilliseconds(message.TimeNano / 1_000_000), message.TimeNano, attributes);
    }

    private static bool Matches(ContainerEvent containerEvent, IReadOnlyCollection<string> anyOfLabelKeys) =>
        anyOfLabelKeys.Count == 0 || anyOfLabelKeys.Any(containerEvent.Attributes.ContainsKey);

    /// <summary>Writes each message as it arrives, in order (<see cref="Progress{T}"/> would post them out of order).</summary>
    private sealed class ChannelProgress(ChannelWriter<Message> writer) : IProgress<Message>
    {
        public void Report(Message value) => writer.TryWrite(value);
    }

    /// <summary>
    /// The last event delivered: where a reopened stream starts, and which replayed events to drop. Before any event, a
    /// reopened stream starts from when the first one was opened (less <see cref="OpenMargin"/> for a clock that differs
    /// from the engine's), so a break before the first event loses nothing either; the events of that margin may come
    /// twice, which a consumer that re-reads its list on every event does not notice.
    /// </summary>
    private sealed class EventPosition(DateTimeOffset? since)
    {
        private static readonly TimeSpan OpenMargin = TimeSpan.FromSeconds(10);
        private readonly HashSet<(string Id, string Action)> _deliveredAtLast = [];
        private long? _lastNano = since?.ToUnixTimeMilliseconds() * 1_000_000;
        private long? _firstOpenedNano;

        public string? Since => (_lastNano ?? _firstOpenedNano) is { } nano
            ? string.Create(CultureInfo.InvariantCulture, $"{nano / 1_000_000_000}.{nano % 1_000_000_000:D9}")
            : null;

        /// <summary>Records that a stream is being opened at <paramref name="now"/> (only the first time counts).</summary>
        public void Opened(DateTimeOffset now) => _firstOpenedNano ??= (now - OpenMargin).ToUnixTimeMilliseconds() * 1_000_000;

        /// <summary>Records <paramref name="message"/>; false when it was delivered before (a replay).</summary>
        public bool Advance(Message message)
        {
            var key = (message.Actor?.ID ?? message.ID ?? "", message.Action ?? message.Status ?? "");
            if (_lastNano is { } last && message.TimeNano < last)
            {
                return false;
            }

            if (_lastNano != message.TimeNano)
            {
                _lastNano = message.TimeNano;
                _deliveredAtLast.Clear();
            }

            return _deliveredAtLast.Add(key);
        }
    }
}
