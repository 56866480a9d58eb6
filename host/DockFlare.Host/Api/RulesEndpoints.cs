namespace DockFlare.Host.Api;

/// <summary>
/// Manual rules: <c>GET /api/v2/rules</c>, <c>GET|PUT|DELETE /api/v2/rules/{id}</c> and <c>POST /api/v2/rules</c>.
/// A rule is validated before it is stored (<see cref="ManualRuleEditor"/>, shared with the web UI); every change asks for a reconcile.
/// </summary>
internal static class RulesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/rules", async (ManualRuleStore rules, CancellationToken cancellationToken) =>
            new ManualRulesList(await rules.ListAsync(cancellationToken)));
        api.MapGet("/rules/{id}", async (string id, ManualRuleStore rules, CancellationToken cancellationToken) =>
            (await rules.ListAsync(cancellationToken)).FirstOrDefault(r => r.Id == id) is { } rule
                ? Results.Ok(rule)
                : ManualRuleProblem.NotFound(id).ToResult());
        api.MapPost("/rules", CreateAsync);
        api.MapPut("/rules/{id}", ReplaceAsync);
        api.MapDelete("/rules/{id}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ManualRuleEditor editor)
    {
        var (request, error) = await ApiJson.ReadBodyAsync<ManualRuleRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var change = await editor.CreateAsync(request!, "api", context.RequestAborted);
        return change.Problem is { } problem
            ? problem.ToResult()
            : Results.Created($"{ApiEndpoints.Prefix}/rules/{Uri.EscapeDataString(change.Rule!.Id)}", change.Rule);
    }

    private static async Task<IResult> ReplaceAsync(string id, HttpContext context, ManualRuleEditor editor)
    {
        var (request, error) = await ApiJson.ReadBodyAsync<ManualRuleRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var change = await editor.ReplaceAsync(id, request!, "api", context.RequestAborted);
        return change.Problem?.ToResult() ?? Results.Ok(change.Rule);
    }

    private static async Task<IResult> DeleteAsync(string id, ManualRuleEditor editor, CancellationToken cancellationToken) =>
        (await editor.DeleteAsync(id, "api", cancellationToken))?.ToResult() ?? Results.NoContent();
}
