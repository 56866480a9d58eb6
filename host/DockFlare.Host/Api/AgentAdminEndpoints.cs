using System.Text.Json.Nodes;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>
/// Admin (API key) routes for agents: list, show (with liveness and command history), enrol, rename, scopes,
/// redeploy, stop-tunnel, update-image, resync, connectors, remove.
/// </summary>
internal static class AgentAdminEndpoints
{
    public const int HistoryLength = 20;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/agents", async (IAgentRegistry registry, CancellationToken cancellationToken) =>
            Results.Ok(new { agents = await registry.ListAsync(cancellationToken) }));
        api.MapGet("/agents/{id}", async (string id, IAgentRegistry registry, IAgentCommands commands, CancellationToken cancellationToken) =>
            await registry.GetAsync(id, cancellationToken) is { } view
                ? Results.Ok(new { agent = view, commands = await commands.HistoryAsync(id, HistoryLength, cancellationToken) })
                : ApiError.Result(StatusCodes.Status404NotFound, "agent_not_found", $"No agent with id '{id}'."));
        api.MapPost("/agents/{id}/enrol", (HttpContext context, string id, IAgentRegistry registry) => RunAsync(context, true, async body =>
        {
            var tunnelId = AgentCompatEndpoints.Text(body["tunnelId"]);
            var create = body["createTunnel"] is JsonValue flag && flag.TryGetValue<bool>(out var value) && value;
            AgentScopes? scopes = null;
            if (body["scopes"] is JsonObject scopeBody)
            {
                var (parsed, scopeError) = Scopes(scopeBody);
                if (scopeError is not null)
                {
                    return scopeError;
                }

                scopes = parsed;
            }

            return Results.Ok(new { agent = await registry.EnrolAsync(id, tunnelId, create, scopes, context.RequestAborted) });
        }));
        api.MapPost("/agents/{id}/rename", (HttpContext context, string id, IAgentRegistry registry) => RunAsync(context, false, async body =>
            Results.Ok(new { agent = await registry.RenameAsync(id, AgentCompatEndpoints.Text(body["displayName"]) ?? "", context.RequestAborted) })));
        api.MapPost("/agents/{id}/scopes", (HttpContext context, string id, IAgentRegistry registry) => RunAsync(context, false, async body =>
        {
            var (scopes, error) = Scopes(body);
            return error ?? Results.Ok(new { agent = await registry.SetScopesAsync(id, scopes!, context.RequestAborted) });
        }));
        api.MapPost("/agents/{id}/redeploy", (HttpContext context, string id, IAgentRegistry registry) => RunAsync(context, true, async _ =>
            Results.Ok(new { command = await registry.RedeployAsync(id, context.RequestAborted) })));
        api.MapPost("/agents/{id}/stop-tunnel", (HttpContext context, string id, IAgentControl control) => RunAsync(context, true, async _ =>
            Results.Ok(new { command = await control.StopTunnelAsync(id, context.RequestAborted) })));
        api.MapPost("/agents/{id}/update-image", (HttpContext context, string id, IAgentControl control) => RunAsync(context, false, async body =>
            Results.Ok(new { command = await control.UpdateImageAsync(id, AgentCompatEndpoints.Text(body["image"]), context.RequestAborted) })));
        api.MapPost("/agents/{id}/resync", (HttpContext context, string id, IAgentControl control) => RunAsync(context, true, async _ =>
            Results.Ok(new { command = await control.ResyncAsync(id, context.RequestAborted) })));
        api.MapGet("/agents/{id}/connectors", async (HttpContext context, string id, IAgentConnectors connectors) =>
        {
            try
            {
                return Results.Ok(await connectors.ListAsync(id, context.RequestAborted));
            }
            catch (AgentRequestException e)
            {
                return ApiError.Result(AgentRequestGuard.StatusOf(e.Error), e.Code, e.Message);
            }
        });
        api.MapPost("/agents/{id}/remove", (HttpContext context, string id, IAgentRegistry registry) => RunAsync(context, true, async body =>
        {
            var cascade = body["cascade"] is JsonValue flag && flag.TryGetValue<bool>(out var value) && value;
            return Results.Ok(new { agent = await registry.RemoveAsync(id, cascade, context.RequestAborted) });
        }));
    }

    private static async Task<IResult> RunAsync(HttpContext context, bool allowEmpty, Func<JsonObject, Task<IResult>> action)
    {
        var (body, error) = await AgentRequestGuard.ReadAsync(context, allowEmpty);
        if (error is not null)
        {
            return error;
        }

        try
        {
            return await action(body!);
        }
        catch (AgentRequestException e)
        {
            return ApiError.Result(AgentRequestGuard.StatusOf(e.Error), e.Code, e.Message);
        }
    }

    private static (AgentScopes? Scopes, IResult? Error) Scopes(JsonObject body)
    {
        var (zones, zoneError) = Strings(body, "zones");
        var (hostnames, hostError) = Strings(body, "hostnames");
        var (scopes, problem) = (zoneError ?? hostError) is { } shapeError ? (null, shapeError) : AgentAdminInput.Scopes(zones, hostnames);
        return problem is null ? (scopes, null) : (null, ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", problem));
    }

    /// <summary>Reads an optional field that must be an array of strings; null when absent, an error text when malformed.</summary>
    private static (List<string>? Values, string? Error) Strings(JsonObject body, string field)
    {
        if (body[field] is null)
        {
            return (null, null);
        }

        if (body[field] is not JsonArray array)
        {
            return (null, $"'{field}' must be an array of strings.");
        }

        var values = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (AgentCompatEndpoints.Text(item) is not { } text)
            {
                return (null, $"'{field}' must be an array of strings.");
            }

            values.Add(text);
        }

        return (values, null);
    }
}
