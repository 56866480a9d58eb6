using System.Globalization;
using System.Text.Json.Nodes;
using DockFlare.Modules.Agents;
using Microsoft.Net.Http.Headers;

namespace DockFlare.Host.Api;

/// <summary>
/// The agents' command API, authenticated by the agent's key (not the admin API key):
/// <c>GET /api/v2/agents/{id}/commands?wait=</c> (long poll) and <c>POST .../commands/{commandId}/ack</c>.
/// </summary>
/// <remarks>
/// A poll without <c>wait</c> and without the <c>X-DockFlare-Protocol</c> header comes from an original
/// 3.x agent: it gets the original shape <c>{status:"success", commands:[{action, ...payload}]}</c>. That
/// agent never acknowledges, so handing a command over in that shape counts as its final success: at most
/// once, as in the original, because otherwise every 30-second poll would run it again (reference §3.2).
/// </remarks>
internal static class AgentCommandEndpoints
{
    public const string ProtocolHeader = "X-DockFlare-Protocol";
    public const int MaxWaitSeconds = 60;
    public const int MaxAckBodyBytes = 16 * 1024;

    /// <summary>After a short poll (<c>wait=0</c>) the agent should come back this soon; after a long poll at once.</summary>
    public const int ShortPollAfterSeconds = 5;

    public const string LegacyDeliveryResult = "delivered to an agent of the original protocol, which never acknowledges; counted as done";

    public static void Map(RouteGroupBuilder api)
    {
        var guard = AgentRequestGuard.Create(((IEndpointRouteBuilder)api).ServiceProvider);
        api.MapGet("/agents/{id}/commands", (HttpContext context, string id, IAgentCommands commands) => PollAsync(context, id, commands, guard)).AllowAnonymous();
        api.MapPost("/agents/{id}/commands/{commandId}/ack", (HttpContext context, string id, string commandId, IAgentCommands commands) =>
            AcknowledgeAsync(context, id, commandId, commands, guard)).AllowAnonymous();
    }

    private static async Task<IResult> PollAsync(HttpContext context, string id, IAgentCommands commands, AgentRequestGuard guard)
    {
        var (agent, refusal) = await AuthenticateAsync(context, id, guard);
        if (refusal is not null)
        {
            return refusal;
        }

        var waitText = context.Request.Query["wait"];
        var legacy = waitText.Count == 0 && !context.Request.Headers.ContainsKey(ProtocolHeader);
        var wait = 0;
        if (waitText.Count > 0
            && (waitText.Count > 1 || !int.TryParse(waitText[0], NumberStyles.None, CultureInfo.InvariantCulture, out wait) || wait > MaxWaitSeconds))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", $"'wait' must be a whole number of seconds from 0 to {MaxWaitSeconds}.");
        }

        // The poll also ends when the master stops: a waiting poll would otherwise hold the shutdown for up to 'wait'
        // seconds (longer than docker stop's grace period), and the agent would only learn of it when the socket closed.
        var agentId = agent!.AgentId;
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        IReadOnlyList<AgentCommand> pending;
        try
        {
            pending = await commands.WaitForCommandsAsync(agentId, TimeSpan.FromSeconds(wait), waitEnds.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The agent hung up during the long poll: nothing was delivered that it could have missed.
            return Results.Empty;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The master is stopping: an empty answer now; the agent polls again (another replica, or this one once back).
            pending = [];
        }

        if (legacy)
        {
            return Results.Json(await LegacyAsync(commands, agentId, pending));
        }

        var views = pending.Select(c => new AgentCommandView(c.Id, c.Action, c.Payload, c.CreatedAt, c.ExpiresAt, c.Deliveries)).ToList();
        return Results.Ok(new AgentCommandsResponse(views, wait == 0 ? ShortPollAfterSeconds : 0));
    }

    private static async Task<JsonObject> LegacyAsync(IAgentCommands commands, string agentId, IReadOnlyList<AgentCommand> pending)
    {
        var list = new JsonArray();
        foreach (var command in pending)
        {
            var flat = new JsonObject { ["action"] = command.Action };
            foreach (var (name, value) in command.Payload)
            {
                if (name != "action")
                {
                    flat[name] = value?.DeepClone();
                }
            }

            // The original agent reads restart_tunnel's token as tunnel_token (start_tunnel's as token): both are sent.
            if (command.Action == "restart_tunnel" && flat["token"] is { } token)
            {
                flat["tunnel_token"] = token.DeepClone();
            }

            list.Add(flat);

            // Not the request's token: once the answer is being written the outcome must be recorded.
            await commands.AcknowledgeAsync(agentId, command.Id, AgentCommandOutcome.Succeeded, LegacyDeliveryResult, CancellationToken.None);
        }

        return new JsonObject { ["status"] = "success", ["commands"] = list };
    }

    private static async Task<IResult> AcknowledgeAsync(HttpContext context, string id, string commandId, IAgentCommands commands, AgentRequestGuard guard)
    {
        var (agent, refusal) = await AuthenticateAsync(context, id, guard);
        if (refusal is not null)
        {
            return refusal;
        }

        var (request, error) = await ReadLimitedBodyAsync<AgentCommandAckRequest>(context);
        if (error is not null)
        {
            return error;
        }

        AgentCommandOutcome? outcome = request!.Outcome?.Trim().ToLowerInvariant() switch
        {
            "received" => AgentCommandOutcome.Received,
            "succeeded" => AgentCommandOutcome.Succeeded,
            "failed" => AgentCommandOutcome.Failed,
            _ => null,
        };
        if (outcome is null)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, "invalid_request", "'outcome' must be one of: received, succeeded, failed.");
        }

        var known = await commands.AcknowledgeAsync(agent!.AgentId, commandId, outcome.Value, request.Result, context.RequestAborted);
        return known
            ? Results.NoContent()
            : ApiError.Result(StatusCodes.Status404NotFound, "not_found", $"Agent '{agent.AgentId}' has no command '{commandId}'.");
    }

    /// <summary>
    /// Checks the agent key against the route's agent (a refusal is a JSON 401, or 410 when the agent was
    /// removed), then takes the request from the agent's budget (429) and records its address.
    /// </summary>
    private static async Task<(AuthenticatedAgent? Agent, IResult? Refusal)> AuthenticateAsync(HttpContext context, string agentId, AgentRequestGuard guard)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        var secret = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : string.Empty;
        if (secret.Length == 0)
        {
            return (null, Unauthorized(context, "This endpoint needs the agent's key: send it as 'Authorization: Bearer <agent key>'."));
        }

        var authenticator = context.RequestServices.GetService<IAgentAuthenticator>();
        if (authenticator is null)
        {
            return (null, ApiError.Result(StatusCodes.Status503ServiceUnavailable, "agents_unavailable", "Agent keys are not available on this master."));
        }

        var agent = await authenticator.AuthenticateAsync(secret, agentId, context.RequestAborted);
        if (agent is null || !string.Equals(agent.AgentId, agentId, StringComparison.Ordinal))
        {
            return context.RequestServices.GetService<IAgentKeys>() is { } keys && await keys.IsRemovedAgentKeyAsync(secret, context.RequestAborted)
                ? (null, AgentRequestGuard.Removed())
                : (null, Unauthorized(context, $"The key is not an active key of agent '{agentId}'."));
        }

        return (agent, await guard.AdmitAsync(context, agent.AgentId, agent.AgentId));
    }

    private static IResult Unauthorized(HttpContext context, string message)
    {
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return ApiError.Result(StatusCodes.Status401Unauthorized, "unauthorized", message);
    }

    /// <summary>Reads at most <see cref="MaxAckBodyBytes"/>; a larger body is a 413 with a message, never a 500.</summary>
    private static async Task<(T? Value, IResult? Error)> ReadLimitedBodyAsync<T>(HttpContext context)
        where T : class
    {
        if (context.Request.ContentLength > MaxAckBodyBytes)
        {
            return (null, TooLarge());
        }

        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxAckBodyBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        context.Request.Body = buffer;
        return await ApiJson.ReadBodyAsync<T>(context);
    }

    private static IResult TooLarge() =>
        ApiError.Result(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The request body is larger than {MaxAckBodyBytes} bytes.");
}
