using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary>
/// Manual rules: <c>GET /api/v2/rules</c>, <c>GET|PUT|DELETE /api/v2/rules/{id}</c> and <c>POST /api/v2/rules</c>.
/// A rule is validated before it is stored; every change asks for a reconcile.
/// </summary>
internal static class RulesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/rules", async (ManualRuleStore rules, CancellationToken cancellationToken) =>
            new ManualRulesList(await rules.ListAsync(cancellationToken)));
        api.MapGet("/rules/{id}", async (string id, ManualRuleStore rules, CancellationToken cancellationToken) =>
            (await rules.ListAsync(cancellationToken)).FirstOrDefault(r => r.Id == id) is { } rule ? Results.Ok(rule) : NotFound(id));
        api.MapPost("/rules", CreateAsync);
        api.MapPut("/rules/{id}", ReplaceAsync);
        api.MapDelete("/rules/{id}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, ManualRuleStore rules, ManualRuleValidator validator, IReconcileTrigger trigger, TimeProvider clock)
    {
        var (request, error) = await ApiJson.ReadBodyAsync<ManualRuleRequest>(context);
        if (error is not null)
        {
            return error;
        }

        var id = string.IsNullOrWhiteSpace(request!.Id) ? ManualRuleIds.New() : request.Id.Trim();
        if (CheckRequest(id, request) is { } incomplete)
        {
            return incomplete;
        }

        var rule = request.ToRule(id, clock.GetUtcNow());
        if (await validator.ValidateAsync(rule, context.RequestAborted) is { } invalid)
        {
            return invalid;
        }

        var created = await rules.UpdateAsync(list =>
        {
            if (list.Exists(r => r.Id == id))
            {
                return (false, false);
            }

            list.Add(rule);
            return (true, true);
        }, context.RequestAborted);
        if (!created)
        {
            return ApiError.Result(StatusCodes.Status409Conflict, "rule_exists",
                $"A manual rule with id '{id}' already exists: change it with PUT {ApiEndpoints.Prefix}/rules/{id}.");
        }

        trigger.Request($"manual rule {id} created by api");
        return Results.Created($"{ApiEndpoints.Prefix}/rules/{Uri.EscapeDataString(id)}", rule);
    }

    private static async Task<IResult> ReplaceAsync(
        string id, HttpContext context, ManualRuleStore rules, ManualRuleValidator validator, IReconcileTrigger trigger, TimeProvider clock)
    {
        var (request, error) = await ApiJson.ReadBodyAsync<ManualRuleRequest>(context);
        if (error is not null)
        {
            return error;
        }

        if (!string.IsNullOrWhiteSpace(request!.Id) && request.Id.Trim() != id)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "id_mismatch",
                $"The body's id '{request.Id}' is not the id in the URL '{id}': a rule's id cannot change.");
        }

        if (CheckRequest(id, request) is { } incomplete)
        {
            return incomplete;
        }

        var rule = request.ToRule(id, clock.GetUtcNow());
        if (await validator.ValidateAsync(rule, context.RequestAborted) is { } invalid)
        {
            return invalid;
        }

        var replaced = await rules.UpdateAsync(list =>
        {
            var index = list.FindIndex(r => r.Id == id);
            if (index < 0)
            {
                return (false, (ManualRule?)null);
            }

            // The creation time orders manual rules that contest one route, so an edit keeps it.
            list[index] = rule with { CreatedAt = list[index].CreatedAt ?? rule.CreatedAt };
            return (true, list[index]);
        }, context.RequestAborted);
        if (replaced is null)
        {
            return NotFound(id);
        }

        trigger.Request($"manual rule {id} updated by api");
        return Results.Ok(replaced);
    }

    private static async Task<IResult> DeleteAsync(string id, ManualRuleStore rules, IReconcileTrigger trigger, CancellationToken cancellationToken)
    {
        var deleted = await rules.UpdateAsync(list => list.RemoveAll(r => r.Id == id) > 0 ? (true, true) : (false, false), cancellationToken);
        if (!deleted)
        {
            return NotFound(id);
        }

        trigger.Request($"manual rule {id} deleted by api");
        return Results.NoContent();
    }

    private static IResult? CheckRequest(string id, ManualRuleRequest request)
    {
        if (id.Length > ManualRuleLimits.MaxIdLength)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_id",
                $"'id' is {id.Length} characters long: {ManualRuleIds.Rule}.");
        }

        if (!ManualRuleIds.IsValid(id))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_id", $"'{id}' is not a valid rule id: {ManualRuleIds.Rule}.");
        }

        if (ManualRuleLimits.Check(request) is { } tooLarge)
        {
            return tooLarge;
        }

        var missing = request.MissingFields();
        if (missing.Count > 0)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_rule",
                $"The rule is missing {string.Join(", ", missing)}: tunnel, hostname and service are required.");
        }

        return null;
    }

    private static IResult NotFound(string id) =>
        ApiError.Result(StatusCodes.Status404NotFound, "rule_not_found", $"No manual rule has the id '{id}'.");
}
