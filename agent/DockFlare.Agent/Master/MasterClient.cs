using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DockFlare.Agent.Master;

/// <summary>
/// The master's v2 agent API (docs/agent-protocol.md): register, heartbeat, inventory, events, the command long poll and
/// acknowledgements. Every answer is recorded in <see cref="MasterConnection"/>; every failure is one of the
/// <see cref="MasterException"/> kinds, so callers decide between retrying, stopping and giving up on one request.
/// </summary>
/// <remarks>
/// The key travels only in the named client's <c>Authorization</c> header (<see cref="HttpClientName"/>), which
/// <see cref="HttpClient"/> never puts into an exception or log. Bodies are at most 1 MiB either way (the master's limit).
/// </remarks>
internal sealed class MasterClient(IHttpClientFactory clients, MasterConnection connection, AgentTimings timings)
{
    public const string HttpClientName = "dockflare-master";
    public const int MaxBodyBytes = 1024 * 1024;
    public const string ProtocolHeader = "X-DockFlare-Protocol";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<RegisterResponse> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<RegisterResponse>(HttpMethod.Post, "api/v2/agents/register", request, timings.RequestTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (answer is null || string.IsNullOrWhiteSpace(answer.AgentId))
        {
            throw new MasterRequestException(200, "invalid_answer", "The master's registration answer holds no agentId.");
        }

        connection.Follow(answer.Intervals, answer.Status);
        return answer;
    }

    public async Task HeartbeatAsync(string agentId, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        var answer = await SendAsync<HeartbeatResponse>(HttpMethod.Post, AgentPath(agentId, "heartbeat"), request, timings.RequestTimeout, cancellationToken)
            .ConfigureAwait(false);
        connection.Follow(answer?.Intervals, answer?.AgentStatus);
    }

    public async Task<InventoryResponse> SendInventoryAsync(string agentId, InventoryRequest request, CancellationToken cancellationToken) =>
        await SendAsync<InventoryResponse>(HttpMethod.Post, AgentPath(agentId, "inventory"), request, timings.RequestTimeout, cancellationToken)
            .ConfigureAwait(false) ?? new InventoryResponse(null, 0, false, null);

    public async Task<EventBatchResponse> SendEventsAsync(string agentId, EventBatchRequest request, CancellationToken cancellationToken) =>
        await SendAsync<EventBatchResponse>(HttpMethod.Post, AgentPath(agentId, "events"), request, timings.RequestTimeout, cancellationToken)
            .ConfigureAwait(false) ?? new EventBatchResponse(null, null, 0, 0, null);

    /// <summary>The long poll: answers when a command is queued or after <paramref name="waitSeconds"/> with none.</summary>
    public async Task<CommandsResponse> PollCommandsAsync(string agentId, int waitSeconds, CancellationToken cancellationToken)
    {
        var path = AgentPath(agentId, "commands") + "?wait=" + waitSeconds.ToString(CultureInfo.InvariantCulture);
        return await SendAsync<CommandsResponse>(HttpMethod.Get, path, null, TimeSpan.FromSeconds(waitSeconds) + timings.PollGrace, cancellationToken)
            .ConfigureAwait(false) ?? new CommandsResponse([], 0);
    }

    public Task AcknowledgeAsync(string agentId, string commandId, string outcome, string? result, CancellationToken cancellationToken) =>
        SendAsync<object>(HttpMethod.Post, AgentPath(agentId, "commands/" + Uri.EscapeDataString(commandId) + "/ack"),
            new AckRequest(outcome, result), timings.RequestTimeout, cancellationToken);

    private static string AgentPath(string agentId, string tail) => "api/v2/agents/" + Uri.EscapeDataString(agentId) + "/" + tail;

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ProtocolHeader, "2");
        if (body is not null)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json);
            if (bytes.Length > MaxBodyBytes)
            {
                throw new MasterRequestException(413, "payload_too_large",
                    $"The {path[(path.LastIndexOf('/') + 1)..]} request would be {bytes.Length} bytes, above the master's limit of {MaxBodyBytes}.");
            }

            request.Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable(ex.Message, null, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"no answer within {timeout.TotalSeconds:0} s", null, ex);
        }

        using (response)
        {
            return await ReadAsync<T>(response, deadline.Token, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken deadline, CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            connection.RecordContact();
            if (typeof(T) == typeof(object) || response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            try
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(deadline).ConfigureAwait(false);
                return bytes.Length == 0 ? null : JsonSerializer.Deserialize<T>(bytes, Json);
            }
            catch (JsonException ex)
            {
                throw new MasterRequestException(status, "invalid_answer", $"The master's answer is not the expected JSON: {ex.Message}");
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw Unavailable("the answer did not arrive in time", null, ex);
            }
        }

        var error = await ReadErrorAsync(response, deadline).ConfigureAwait(false);
        var message = error?.Message ?? $"HTTP {status}";
        var retryAfter = RetryAfterOf(response);
        switch (status)
        {
            case 401 or 403:
                connection.RecordContact();
                throw new MasterKeyRejectedException(status, error?.Error, message);
            case 410:
                connection.RecordContact();
                throw new AgentRemovedException(message);
            case 429:
                connection.RecordContact();
                throw new MasterUnavailableException($"rate limited: {message}", retryAfter);
            case 408 or >= 500:
                throw Unavailable($"HTTP {status}: {message}", retryAfter, null);
            default:
                connection.RecordContact();
                throw new MasterRequestException(status, error?.Error, message);
        }
    }

    private MasterUnavailableException Unavailable(string reason, TimeSpan? retryAfter, Exception? inner)
    {
        connection.RecordFailure(reason);
        return new MasterUnavailableException(reason, retryAfter, inner);
    }

    private static async Task<MasterErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize<MasterErrorBody>(bytes, Json);
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException or OperationCanceledException)
        {
            return null; // a proxy's HTML error page: the status says enough
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
}
