using System.Text.Json.Nodes;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>
/// The agent-facing routes, authenticated by the agent key (never the admin key): register, heartbeat,
/// inventory and events, in our v2 shape and the original agent's (detected by the body).
/// </summary>
internal static class AgentApiEndpoints
{
    public static void Map(RouteGroupBuilder api, AgentRequestGuard guard)
    {
        var agents = api.MapGroup("/agents").RequireAuthorization(AgentAuthentication.Policy).AddEndpointFilter(guard.FilterAsync);
        agents.MapPost("/register", (HttpContext context, IAgentRegistry registry) => RegisterAsync(context, registry, guard));
        agents.MapPost("/{id}/heartbeat", HeartbeatAsync);
        agents.MapPost("/{id}/inventory", InventoryAsync);
        agents.MapPost("/{id}/events", EventsAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, IAgentRegistry registry, AgentRequestGuard guard)
    {
        var (body, error) = await AgentRequestGuard.ReadAsync(context, allowEmpty: true);
        if (error is not null)
        {
            return error;
        }

        var key = (AgentKeyInfo)context.Items[AgentKeyAuthenticationHandler.ItemKey]!;
        var v2 = AgentCompatEndpoints.IsV2Registration(body!);
        var registration = new AgentRegistration(
            AgentCompatEndpoints.Text(body!["agentId"] ?? body["agent_id"]),
            AgentCompatEndpoints.Text(body["displayName"] ?? body["display_name"]),
            AgentCompatEndpoints.Text(body["hostname"]),
            AgentCompatEndpoints.Text(body["agentVersion"] ?? body["agent_version"] ?? body["version"]))
        {
            ReportsTunnel = body.ContainsKey("tunnelId"),
            TunnelId = AgentCompatEndpoints.Text(body["tunnelId"]),
        };
        try
        {
            var result = await registry.RegisterAsync(key, registration, context.RequestAborted);
            await guard.RecordAddressAsync(context, result.Agent.Id); // a new agent: the filter could not know its id yet
            return v2
                ? Results.Json(
                    new { agentId = result.Agent.Id, status = result.Agent.Status, protocolVersion = 2, intervals = result.Intervals, agent = result.Agent },
                    statusCode: result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
                : AgentCompatEndpoints.RegisterAnswer(result);
        }
        catch (AgentRequestException e)
        {
            return AgentRequestGuard.Refuse(e);
        }
    }

    private static async Task<IResult> HeartbeatAsync(HttpContext context, string id, IAgentReports reports, IAgentRegistry registry)
    {
        var (body, error) = await AgentRequestGuard.ReadAsync(context, allowEmpty: true);
        if (error is not null)
        {
            return error;
        }

        var (cloudflared, invalid) = CloudflaredReport(body);
        if (invalid is not null)
        {
            return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", invalid);
        }

        var view = await registry.GetAsync(id, context.RequestAborted);
        if (view is null)
        {
            return AgentRequestGuard.Refuse(StatusCodes.Status404NotFound, "agent_not_found", "Agent not found.");
        }

        var intervals = cloudflared is null
            ? await reports.HeartbeatAsync(id, context.RequestAborted)
            : await reports.HeartbeatAsync(id, cloudflared, context.RequestAborted);
        return Results.Ok(new { status = "ok", agentStatus = view.Agent.Status, intervals });
    }

    private const int MaxFieldLength = 256;
    private const int MaxErrorLength = 1000;

    /// <summary>
    /// The optional <c>cloudflared</c> object of a heartbeat: <c>{state, containerName?, image?, tunnelId?, error?}</c>, with
    /// <c>agentVersion</c> beside it. An over-long error is cut (it is only shown); any other bad field is a 400 naming it.
    /// </summary>
    internal static (AgentCloudflaredReport? Report, string? Error) CloudflaredReport(JsonObject? body)
    {
        if (body?["cloudflared"] is not { } node)
        {
            return (null, null);
        }

        if (node is not JsonObject cloudflared)
        {
            return (null, "'cloudflared' must be an object: {state, containerName, image, tunnelId, error}.");
        }

        var state = AgentCompatEndpoints.Text(cloudflared["state"]);
        if (string.IsNullOrEmpty(state) || state.Length > 32 || !state.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return (null, "'cloudflared.state' is required: a word of at most 32 letters, digits, '_' or '-' (such as running).");
        }

        string? bad = null;
        string? Field(JsonObject from, string name, string shown)
        {
            var node = from[name];
            if (node is null)
            {
                return null;
            }

            var value = AgentCompatEndpoints.Text(node);
            if (value is null || value.Length > MaxFieldLength)
            {
                bad ??= $"'{shown}' must be a string of at most {MaxFieldLength} characters.";
                return null;
            }

            return value;
        }

        var containerName = Field(cloudflared, "containerName", "cloudflared.containerName");
        var image = Field(cloudflared, "image", "cloudflared.image");
        var tunnelId = Field(cloudflared, "tunnelId", "cloudflared.tunnelId");
        var version = Field(body, "agentVersion", "agentVersion");
        string? failure = null;
        if (cloudflared["error"] is { } errorNode)
        {
            failure = AgentCompatEndpoints.Text(errorNode);
            if (failure is null)
            {
                bad ??= "'cloudflared.error' must be a string.";
            }
            else if (failure.Length > MaxErrorLength)
            {
                failure = failure[..MaxErrorLength] + "…";
            }
        }

        return bad is null ? (new AgentCloudflaredReport(state, containerName, image, tunnelId, failure, version), null) : (null, bad);
    }

    private static async Task<IResult> InventoryAsync(HttpContext context, string id, IAgentReports reports)
    {
        var (body, error) = await AgentRequestGuard.ReadAsync(context);
        if (error is not null)
        {
            return error;
        }

        if (body!["complete"] is JsonValue complete && complete.TryGetValue<bool>(out var isComplete) && !isComplete)
        {
            await reports.HeartbeatAsync(id, context.RequestAborted);
            return Results.Ok(new { code = "inventory_incomplete", accepted = 0 });
        }

        if (body["containers"] is not JsonArray list)
        {
            return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", "'containers' is required: the complete list of containers [{id, name, labels, state}].");
        }

        var (containers, parseError, refused) = AgentCompatEndpoints.ParseContainers(list, defaultRunning: true);
        if (parseError is not null)
        {
            return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", parseError);
        }

        try
        {
            var result = await reports.ReportInventoryAsync(id, containers, context.RequestAborted);
            return Results.Ok(new
            {
                code = "accepted", accepted = result.Accepted, published = result.Published, diagnostics = refused.Concat(result.Diagnostics).ToList(),
            });
        }
        catch (AgentRequestException e)
        {
            return AgentRequestGuard.Refuse(e);
        }
    }

    private static async Task<IResult> EventsAsync(HttpContext context, string id, IAgentReports reports)
    {
        var (body, error) = await AgentRequestGuard.ReadAsync(context);
        if (error is not null)
        {
            return error;
        }

        try
        {
            if (body!["events"] is not JsonArray list)
            {
                return await AgentCompatEndpoints.EventAsync(id, body, reports, context.RequestAborted);
            }

            var events = new List<AgentEvent>(list.Count);
            var refusedLabels = new List<string>();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject item || AgentCompatEndpoints.Text(item["type"]) is not { } type)
                {
                    return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", $"events[{i}] needs a 'type'.");
                }

                long? sequence = item["seq"] is JsonValue s && s.TryGetValue<long>(out var seq) ? seq : null;
                ReportedContainer? container = null;
                if (item["container"] is not null)
                {
                    (container, var containerError, var containerRefused) = AgentCompatEndpoints.ParseContainer(item["container"], defaultRunning: type == "container_start");
                    if (containerError is not null)
                    {
                        return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", $"events[{i}]: {containerError}");
                    }

                    if (containerRefused is not null && !refusedLabels.Contains(containerRefused))
                    {
                        refusedLabels.Add(containerRefused);
                    }
                }

                events.Add(new AgentEvent(sequence, type, container));
            }

            var result = await reports.ApplyEventsAsync(id, AgentCompatEndpoints.Text(body["sessionId"]), events, context.RequestAborted);
            return Results.Ok(new
            {
                code = result.Accepted == 0 && result.Duplicates > 0 ? "duplicate_sequence" : "accepted",
                acceptedThrough = result.AcceptedThrough,
                applied = result.Accepted,
                duplicates = result.Duplicates,
                diagnostics = refusedLabels.Concat(result.Diagnostics).ToList(),
            });
        }
        catch (AgentRequestException e)
        {
            return AgentRequestGuard.Refuse(e);
        }
    }
}
