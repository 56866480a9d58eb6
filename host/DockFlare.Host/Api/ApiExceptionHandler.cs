using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using Microsoft.AspNetCore.Diagnostics;

namespace DockFlare.Host.Api;

/// <summary>
/// Turns an exception escaping a request into a JSON error with a message and never a stack trace: a
/// <see cref="ReconcileException"/> (Cloudflare unreachable, not configured) is a 503 with its message, and
/// Redis being away is a 503 <c>storage_unavailable</c> rather than a 500.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, error, message) = exception switch
        {
            ReconcileException e => (StatusCodes.Status503ServiceUnavailable, "cloudflare_unavailable", e.Message),
            StateCorruptedException or StateSchemaException =>
                (StatusCodes.Status500InternalServerError, "state_unreadable", exception.Message),
            StackExchange.Redis.RedisException => (StatusCodes.Status503ServiceUnavailable, "storage_unavailable",
                "The state store (Redis) is not reachable right now; try again shortly."),
            StateConcurrencyException => (StatusCodes.Status409Conflict, "concurrent_update",
                "The manual rules kept changing while this change was applied; send it again."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge,
                "payload_too_large", "The request body is larger than the server accepts."),
            BadHttpRequestException e => (e.StatusCode, "bad_request", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "internal_error",
                "The request failed unexpectedly; the master's log has the details."),
        };
        if (status >= StatusCodes.Status500InternalServerError)
        {
            log.LogError(exception, "{Method} {Path} failed", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        await httpContext.Response.WriteAsJsonAsync(new ApiError(error, message), cancellationToken);
        return true;
    }
}
