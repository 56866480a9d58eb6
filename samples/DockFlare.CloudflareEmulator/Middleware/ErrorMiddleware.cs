using DockFlare.CloudflareEmulator.Infrastructure;

namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>Turns <see cref="EmulatorError"/> into a failure envelope, and an unroutable method into 7000.</summary>
internal sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted && ApiPath.IsApi(context.Request.Path))
            {
                await CfResults.WriteAsync(context, 405, CfResults.FailureBody([new CfError(7001, "Method not allowed for this route"), new CfError(7000, "No route for that URI")]))
                    .ConfigureAwait(false);
            }
        }
        catch (EmulatorError error) when (!context.Response.HasStarted)
        {
            await CfResults.WriteAsync(context, error.Status, CfResults.FailureBody(error.Errors)).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            // A request boundary: answer like Cloudflare's 500 and log the emulator bug with its path.
            logger.LogError(ex, "Emulator failed on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
            await CfResults.WriteAsync(context, 500, CfResults.FailureBody([new CfError(10001, "Internal server error")])).ConfigureAwait(false);
        }
    }
}
