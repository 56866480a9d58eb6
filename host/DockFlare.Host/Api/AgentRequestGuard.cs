using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>
/// What every agent request passes after its key: the path's agent id must be the key's own (403),
/// a per-agent token bucket (429 with <c>Retry-After</c>), and bodies read with a size limit (413)
/// and parsed as a JSON object (400), never a 500.
/// </summary>
internal sealed class AgentRequestGuard(AgentsOptions options) : IDisposable
{
    public const int MaxBodyBytes = 1024 * 1024;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.RateLimitPerMinute,
            TokensPerPeriod = Math.Max(1, options.RateLimitPerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

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
        using var lease = _limiter.AttemptAcquire(partition);
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Refuse(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests from this agent: retry after the Retry-After delay.");
        }

        return await next(invocation);
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
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
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

    public void Dispose() => _limiter.Dispose();

    private static IResult TooLarge() =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"The request body is larger than {MaxBodyBytes} bytes.");
}
