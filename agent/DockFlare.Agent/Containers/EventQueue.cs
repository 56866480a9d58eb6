using System.Threading.Channels;

namespace DockFlare.Agent.Containers;

/// <summary>
/// Container events between the Docker watcher and the sender. Bounded: while the master is away the oldest events are
/// dropped beyond <see cref="Capacity"/>, and <see cref="TakeOverflow"/> tells the sender to follow up with a full
/// inventory, which repairs whatever the dropped events said.
/// </summary>
internal sealed class EventQueue
{
    public const int Capacity = 10_000;

    private readonly Channel<PendingEvent> _channel;
    private int _overflowed;

    public EventQueue()
    {
        _channel = Channel.CreateBounded<PendingEvent>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Exchange(ref _overflowed, 1));
    }

    public ChannelReader<PendingEvent> Reader => _channel.Reader;

    public void Add(PendingEvent pending) => _channel.Writer.TryWrite(pending);

    /// <summary>Whether events were dropped since the last call.</summary>
    public bool TakeOverflow() => Interlocked.Exchange(ref _overflowed, 0) == 1;
}
