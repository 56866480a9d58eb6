namespace DockFlare.Host.Api;

/// <summary><c>POST /api/v2/adopt</c>: takes ownership of the Cloudflare objects standing in a desired route's way.</summary>
internal static class AdoptEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/adopt", async (HttpContext context, RouteAdopter adopter) =>
        {
            var (request, error) = await ApiJson.ReadBodyAsync<AdoptRequest>(context);
            if (error is not null)
            {
                return error;
            }

            var result = await adopter.AdoptAsync(request!.Hostname, request.Path, "api", context.RequestAborted);
            return result.Adopted is { } adopted
                ? Results.Ok(new AdoptResponse(adopted))
                : ApiError.Result(result.Status, result.Error!, result.Message!);
        });
}
