using DockFlare.Host.Configuration;
using Serilog;
using Serilog.Formatting.Compact;

namespace DockFlare.Host.Logging;

/// <summary>Serilog from configuration (the <c>Serilog</c> section), with <c>LOG_LEVEL</c> and <c>LOG_FORMAT</c> on top.</summary>
internal static class LoggingSetup
{
    public static Serilog.Core.Logger CreateLogger(IConfiguration configuration, HostSettings settings)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .MinimumLevel.Is(settings.MinimumLevel)
            .Enrich.FromLogContext();
        return (settings.LogFormat == LogFormat.Json
                ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
                : logger.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}", formatProvider: System.Globalization.CultureInfo.InvariantCulture))
            .CreateLogger();
    }
}
