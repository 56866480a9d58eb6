using Serilog.Events;

namespace DockFlare.Host.Logging;

/// <summary>Request log levels: probes are polled every few seconds and would drown everything else.</summary>
internal static class RequestLogLevel
{
    public static LogEventLevel For(HttpContext context, double elapsedMs, Exception? exception)
    {
        if (exception is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }

        return context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz")
            ? LogEventLevel.Verbose
            : LogEventLevel.Information;
    }
}
