using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary><c>POST /api/v2/adopt</c>: takes ownership of the Cloudflare objects standing in a desired route's way.</summary>
internal static class AdoptEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/adopt", async (HttpContext context, IReconciler reconciler) =>
        {
            var (request, error) = await ApiJson.ReadBodyAsync<AdoptRequest>(context);
            if (error is not null)
            {
                return error;
            }

            if (string.IsNullOrWhiteSpace(request!.Hostname))
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "'hostname' is required: the hostname of the route to adopt.");
            }

            if ((ManualRuleLimits.CheckLength("hostname", request.Hostname, ManualRuleLimits.MaxHostnameLength)
                ?? ManualRuleLimits.CheckLength("path", request.Path, ManualRuleLimits.MaxPathLength)) is { } tooLong)
            {
                return tooLong.ToResult();
            }

            var path = string.IsNullOrEmpty(request.Path) ? null : request.Path;
            try
            {
                var adopted = await reconciler.AdoptAsync(request.Hostname.Trim(), path, "api", context.RequestAborted);
                return Results.Ok(new AdoptResponse(adopted));
            }
            catch (ReconcileException ex)
            {
                return ApiError.Result(StatusCodes.Status422UnprocessableEntity, "adopt_failed", ex.Message);
            }
        });
}
