using DockFlare.Modules.Access;

namespace DockFlare.Host.Api;

/// <summary>
/// Access groups: <c>GET|POST /api/v2/access-groups</c> and <c>GET|PUT|DELETE /api/v2/access-groups/{id}</c>. Groups are
/// validated before they are stored (<see cref="IAccessGroups"/>, shared with the web UI); every change asks for a
/// reconcile, which brings the reusable Cloudflare policies in line.
/// </summary>
internal static class AccessGroupsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/access-groups", async (IAccessGroups groups, CancellationToken cancellationToken) =>
            new AccessGroupsList(await groups.ListAsync(cancellationToken)));
        api.MapGet("/access-groups/{id}", async (string id, IAccessGroups groups, CancellationToken cancellationToken) =>
            await groups.GetAsync(id, cancellationToken) is { } group
                ? Results.Ok(group)
                : ToResult(AccessGroupProblem.NotFound(id)));
        api.MapPost("/access-groups", CreateAsync);
        api.MapPut("/access-groups/{id}", ReplaceAsync);
        api.MapDelete("/access-groups/{id}", DeleteAsync);
    }

    /// <summary>The API's answer to a refusal.</summary>
    public static IResult ToResult(AccessGroupProblem problem) =>
        Results.Json(new ApiError(problem.Code, problem.Message) { Details = problem.Details.Count > 1 ? problem.Details : null }, statusCode: problem.Kind switch
        {
            AccessGroupProblemKind.NotFound => StatusCodes.Status404NotFound,
            AccessGroupProblemKind.Conflict => StatusCodes.Status409Conflict,
            AccessGroupProblemKind.ReadOnly => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        });

    private static async Task<IResult> CreateAsync(HttpContext context, IAccessGroups groups)
    {
        var (request, error) = await ApiJson.ReadBodyAsync<AccessGroupRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var change = await groups.CreateAsync(request!, "api", context.RequestAborted);
        return change.Problem is { } problem
            ? ToResult(problem)
            : Results.Created($"{ApiEndpoints.Prefix}/access-groups/{Uri.EscapeDataString(change.Group!.Id)}", change.Group);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, IAccessGroups groups)
    {
        var (request, error) = await ApiJson.ReadBodyAsync<AccessGroupRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var change = await groups.ReplaceAsync(id, request!, "api", context.RequestAborted);
        return change.Problem is { } problem ? ToResult(problem) : Results.Ok(change.Group);
    }

    private static async Task<IResult> DeleteAsync(string id, IAccessGroups groups, CancellationToken cancellationToken) =>
        await groups.DeleteAsync(id, "api", cancellationToken) is { } problem ? ToResult(problem) : Results.NoContent();
}
