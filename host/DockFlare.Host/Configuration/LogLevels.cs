using Serilog.Events;

namespace DockFlare.Host.Configuration;

/// <summary>Maps <c>LOG_LEVEL</c> words (the original's Python names and Serilog's) to Serilog levels.</summary>
internal static class LogLevels
{
    private static readonly Dictionary<string, LogEventLevel> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TRACE"] = LogEventLevel.Verbose,
        ["VERBOSE"] = LogEventLevel.Verbose,
        ["DEBUG"] = LogEventLevel.Debug,
        ["INFO"] = LogEventLevel.Information,
        ["INFORMATION"] = LogEventLevel.Information,
        ["WARN"] = LogEventLevel.Warning,
        ["WARNING"] = LogEventLevel.Warning,
        ["ERROR"] = LogEventLevel.Error,
        ["CRITICAL"] = LogEventLevel.Fatal,
        ["FATAL"] = LogEventLevel.Fatal,
    };

    public static bool TryParse(string? text, out LogEventLevel level) =>
        Words.TryGetValue(text?.Trim() ?? "", out level);
}
