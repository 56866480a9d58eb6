using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>Collects the agent's log entries as "time Level Category: message", to show when a test fails.</summary>
internal sealed class AgentLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    /// <summary>Whether any entry so far contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => Entries.Any(e => e.Contains(text, StringComparison.Ordinal));

    /// <summary>How many entries so far contain <paramref name="text"/>.</summary>
    public int Count(string text) => Entries.Count(e => e.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(AgentLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
    }
}
