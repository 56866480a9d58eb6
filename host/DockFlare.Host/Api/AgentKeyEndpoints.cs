using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>Admin (API key) routes for agent keys: generate, list, revoke, roll. A secret appears only in the generate and roll answers.</summary>
internal static class AgentKeyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/agent-keys", async (HttpContext context, IAgentKeys keys) =>
        {
            var (body, error) = await AgentRequestGuard.ReadAsync(context, allowEmpty: true);
            if (error is not null)
            {
                return error;
            }

            var (label, problem) = AgentAdminInput.Label(AgentCompatEndpoints.Text(body!["label"]));
            if (problem is not null)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", problem);
            }

            var issued = await keys.GenerateAsync(label, context.RequestAborted);
            return Results.Json(new { keyId = issued.Key.KeyId, secret = issued.Secret, key = issued.Key }, statusCode: StatusCodes.Status201Created);
        });
        api.MapGet("/agent-keys", async (IAgentKeys keys, CancellationToken cancellationToken) =>
            Results.Ok(new { keys = await keys.ListAsync(cancellationToken) }));
        api.MapPost("/agent-keys/{keyId}/revoke", async (string keyId, IAgentKeys keys, CancellationToken cancellationToken) =>
            await keys.RevokeAsync(keyId, cancellationToken) is { } key
                ? Results.Ok(new { key })
                : ApiError.Result(StatusCodes.Status404NotFound, "key_not_found", $"No agent key with id '{keyId}'."));
        api.MapPost("/agent-keys/{keyId}/roll", async (string keyId, IAgentKeys keys, CancellationToken cancellationToken) =>
        {
            try
            {
                return await keys.RollAsync(keyId, cancellationToken) is { } issued
                    ? Results.Ok(new { keyId, secret = issued.Secret, key = issued.Key })
                    : ApiError.Result(StatusCodes.Status404NotFound, "key_not_found", $"No agent key with id '{keyId}'.");
            }
            catch (AgentRequestException e)
            {
                return ApiError.Result(AgentRequestGuard.StatusOf(e.Error), e.Code, e.Message);
            }
        });
    }
}
