using System.Text.Json.Nodes;
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

            var label = AgentCompatEndpoints.Text(body!["label"])?.Trim() ?? "";
            if (label.Length > 100)
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "'label' must be at most 100 characters.");
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

    /// <summary>Reads an optional string array field; null when absent, an error text when malformed.</summary>
    public static (List<string>? Values, string? Error) Strings(JsonObject body, string field)
    {
        if (body[field] is null)
        {
            return (null, null);
        }

        if (body[field] is not JsonArray array || array.Count > 200)
        {
            return (null, $"'{field}' must be an array of at most 200 strings.");
        }

        var values = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (AgentCompatEndpoints.Text(item) is not { } text || text.Length > 253)
            {
                return (null, $"'{field}' must hold strings of at most 253 characters.");
            }

            values.Add(text);
        }

        return (values, null);
    }
}
