using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>
/// What every agent request passes after its key: the path's agent id must be the key's own (403),
/// the per-agent request budget (<see cref="IAgentRateLimiter"/>: shared through Redis by every replica;
/// 429 with <c>Retry-After</c>), the caller's address recorded for the connector check, and bodies read with
/// a size limit (413) and parsed as a JSON object (400), never a 500.
/// </summary>
internal sealed class AgentRequestGuard(IAgentRateLimiter limiter, IAgentConnectors connectors)
{
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// The guard of an app. It holds no state of its own: the budget lives in the module's rate limiter (in
    /// Redis when configured, so every replica shares each agent's budget).
    /// </summary>
    public static AgentRequestGuard Create(IServiceProvider services) =>
        new(services.GetRequiredService<IAgentRateLimiter>(), services.GetRequiredService<IAgentConnectors>());

    /// <summary>The endpoint filter of the agent routes that have an <c>{id}</c>.</summary>
    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var bound = AgentAuthentication.BoundAgentId(context.User);
        var id = context.Request.RouteValues["id"] as string;
        if (id is not null && !string.Equals(id, bound, StringComparison.Ordinal))
        {
            return Refuse(StatusCodes.Status403Forbidden, "forbidden", "API key mismatch for agent: a key can only act for its own agent.");
        }

        var partition = bound ?? "key:" + context.User.FindFirst(AgentAuthentication.KeyIdClaim)?.Value;
        return await AdmitAsync(context, partition, bound) ?? await next(invocation);
    }

    /// <summary>
    /// Takes the request from the agent's budget (a long poll counts once: it is taken when the poll starts)
    /// and records the address it came from; a refusal is a 429 with <c>Retry-After</c> in seconds.
    /// </summary>
    public async Task<IResult?> AdmitAsync(HttpContext context, string partition, string? agentId)
    {
        var decision = await limiter.TryAcquireAsync(partition, context.RequestAborted);
        if (!decision.Allowed)
        {
            context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Refuse(StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many requests from this agent: retry after {decision.RetryAfterSeconds} s (Retry-After).");
        }

        await RecordAddressAsync(context, agentId);
        return null;
    }

    /// <summary>
    /// Records the connection's remote address as the agent's (no forwarding header is trusted: the host has no
    /// forwarded-headers handling, so behind a proxy this is the proxy's address).
    /// </summary>
    public async Task RecordAddressAsync(HttpContext context, string? agentId)
    {
        if (agentId is not null && context.Connection.RemoteIpAddress is { } address)
        {
            await connectors.RecordAddressAsync(agentId, address, context.RequestAborted);
        }
    }

    /// <summary>Reads the body as a JSON object; an empty body gives an empty object when <paramref name="allowEmpty"/>.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadAsync(HttpContext context, bool allowEmpty = false)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    return (null, TooLarge());
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            // The client sent less than it announced, or hung up mid-body: its mistake, answered (if it still listens)
            // without an error and a stack trace in the master's log.
            return (null, Refuse(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "payload_too_large" : "invalid_request",
                $"The request body could not be read: {ex.Message}"));
        }

        if (buffer.Length == 0)
        {
            return allowEmpty ? ([], null) : (null, Refuse(StatusCodes.Status400BadRequest, "invalid_json", "Empty payload: send a JSON object."));
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) is JsonObject body
                ? (body, null)
                : (null, Refuse(StatusCodes.Status400BadRequest, "invalid_json", "The request body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, "invalid_json", $"The request body is not valid JSON: {ex.Message}"));
        }
    }

    /// <summary>An error in the agent API's envelope (the original agent reads <c>status</c> and <c>message</c>).</summary>
    public static IResult Refuse(int status, string code, string message, IReadOnlyList<string>? diagnostics = null) =>
        Results.Json(new AgentError("error", code, message) { Diagnostics = diagnostics }, statusCode: status);

    /// <summary>
    /// The answer to an agent that was removed (its key revoked by the removal): 410 <c>agent_removed</c>, so it
    /// stops and removes its cloudflared instead of retrying.
    /// </summary>
    public static IResult Removed() =>
        Refuse(StatusCodes.Status410Gone, "agent_removed", RemovedMessage);

    public const string RemovedMessage =
        "This agent was removed from the master: stop and remove its cloudflared. To serve this host again, register it with a new agent key.";

    /// <summary>The refusal for a module exception.</summary>
    public static IResult Refuse(AgentRequestException error) => Refuse(StatusOf(error.Error), error.Code, error.Message);

    public static int StatusOf(AgentRequestError error) => error switch
    {
        AgentRequestError.NotFound => StatusCodes.Status404NotFound,
        AgentRequestError.Forbidden => StatusCodes.Status403Forbidden,
        AgentRequestError.Conflict => StatusCodes.Status409Conflict,
        AgentRequestError.Upstream => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status400BadRequest,
    };

    private static IResult TooLarge() =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The request body is larger than {MaxBodyBytes} bytes.");
}
