using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace DockFlare.IntegrationTests;

/// <summary>Keeps every log event, so tests can assert what was logged (and what never was).</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
