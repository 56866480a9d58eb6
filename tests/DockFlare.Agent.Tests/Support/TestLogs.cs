using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DockFlare.Agent.Tests.Support;

/// <summary>Collects every log entry as "Level Category: message (exception)".</summary>
internal sealed class TestLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Entries { get; } = new();

    public string All => string.Join(Environment.NewLine, Entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
