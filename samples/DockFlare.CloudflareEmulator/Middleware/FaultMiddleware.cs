using DockFlare.CloudflareEmulator.Infrastructure;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>Applies injected faults: latency, a forced answer, a raw body or a dropped connection.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultBook faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiPath.IsApi(context.Request.Path)
            || faults.Take(context.Request.Method, ApiPath.Relative(context.Request.Path)) is not { } fault)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (fault.DelayMs > 0)
        {
            try
            {
                await Task.Delay(fault.DelayMs, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (its timeout): nothing more to do, and nothing was changed.
                context.Items[RequestLogMiddleware.DroppedKey] = true;
                return;
            }
        }

        if (fault.Drop)
        {
            context.Items[RequestLogMiddleware.DroppedKey] = true;
            context.Abort();
            return;
        }

        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (fault.Body is not null)
        {
            context.Response.StatusCode = fault.Status ?? 200;
            context.Response.ContentType = fault.ContentType ?? "text/plain";
            await context.Response.WriteAsync(fault.Body).ConfigureAwait(false);
            return;
        }

        if (fault.Status is { } status)
        {
            var error = new CfError(fault.Code ?? DefaultCode(status), fault.Message ?? DefaultMessage(status));
            await CfResults.WriteAsync(context, status, CfResults.FailureBody([error])).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static int DefaultCode(int status) => status switch
    {
        429 => 971,
        404 => 1004,
        _ => 10001,
    };

    private static string DefaultMessage(int status) => status switch
    {
        429 => "Please wait and consider throttling your request speed",
        404 => "Not found",
        503 => "Service temporarily unavailable",
        _ => "Internal server error",
    };
}
