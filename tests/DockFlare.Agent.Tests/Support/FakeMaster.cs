using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace DockFlare.Agent.Tests.Support;

/// <summary>
/// An in-process stand-in for the master's v2 agent API, plugged in as the agent's HTTP handler: it registers, takes
/// heartbeats, inventories and events (idempotent by session and sequence, like the master), serves queued commands on a
/// long poll until they are acknowledged with a final outcome, and can be switched down or made to refuse.
/// </summary>
internal sealed class FakeMaster : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly SemaphoreSlim _commandQueued = new(0, int.MaxValue);
    private readonly Dictionary<string, long> _appliedThrough = [];

    public string AssignedAgentId { get; set; } = "6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11";

    public int HeartbeatSeconds { get; set; } = 1;

    public int InventorySeconds { get; set; } = 60;

    public int PollWaitSeconds { get; set; } = 1;

    /// <summary>When true every call fails as if the connection were refused.</summary>
    public bool Down { get; set; }

    /// <summary>When set, every call is answered with this status and the master's error envelope.</summary>
    public (int Status, string Code, string Message)? Refusal { get; set; }

    /// <summary>The next N event batches are applied but their answer is lost (the connection breaks).</summary>
    public int LoseEventAnswers { get; set; }

    /// <summary>Acknowledgements of these command ids are refused with a 503 (the agent then relies on redelivery).</summary>
    public ConcurrentDictionary<string, bool> FailAcksOf { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<JsonObject> Inventories { get; } = new();

    public ConcurrentQueue<JsonObject> EventBatches { get; } = new();

    /// <summary>Events applied once each (duplicates by sequence skipped).</summary>
    public ConcurrentQueue<JsonObject> AppliedEvents { get; } = new();

    public ConcurrentQueue<(string CommandId, string Outcome, string? Result)> Acks { get; } = new();

    public int SuccessfulCalls => Requests.Count(r => r.Status is >= 200 and < 300);

    public void Queue(string id, string action, JsonObject? payload = null)
    {
        lock (_gate)
        {
            _pending.Add(new JsonObject
            {
                ["id"] = id,
                ["action"] = action,
                ["payload"] = payload ?? [],
                ["createdAt"] = DateTimeOffset.UtcNow,
                ["expiresAt"] = DateTimeOffset.UtcNow.AddDays(1),
                ["deliveries"] = 0,
            });
        }

        _commandQueued.Release();
    }

    public bool IsPending(string id)
    {
        lock (_gate)
        {
            return _pending.Any(c => (string?)c["id"] == id);
        }
    }

    protected override void Dispose(bool disposing)
    {
        // The client factory recycles handlers; this one lives as long as the test (nothing to release).
        base.Dispose(disposing);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, path, request.RequestUri.Query, body,
            request.Headers.Authorization?.ToString(), request.Headers.TryGetValues("X-DockFlare-Protocol", out var p) ? p.First() : null);
        if (Down)
        {
            recorded.Status = 0;
            Requests.Enqueue(recorded);
            throw new HttpRequestException("Connection refused (fake master is down)");
        }

        var (status, answer, headers) = Refusal is { } refusal
            ? (refusal.Status, Error(refusal.Code, refusal.Message), null)
            : await RouteAsync(request.Method.Method, path, request.RequestUri.Query, body, cancellationToken);
        recorded.Status = status;
        Requests.Enqueue(recorded);
        if (status == -1)
        {
            throw new HttpRequestException("The connection broke before the answer (fake master)");
        }

        var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
        if (answer is not null)
        {
            response.Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? [])
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    private async Task<(int, JsonNode?, Dictionary<string, string>?)> RouteAsync(string method, string path, string query, string? body, CancellationToken cancellationToken)
    {
        var parts = path.Trim('/').Split('/');
        if (parts is not ["api", "v2", "agents", ..])
        {
            return (404, Error("not_found", "no such route"), null);
        }

        var intervals = new JsonObject
        {
            ["heartbeatSeconds"] = HeartbeatSeconds,
            ["inventorySeconds"] = InventorySeconds,
            ["offlineAfterSeconds"] = 60,
            ["pollWaitSeconds"] = PollWaitSeconds,
        };
        switch (parts[3..])
        {
            case ["register"] when method == "POST":
                return (201, new JsonObject { ["agentId"] = AssignedAgentId, ["status"] = "pending", ["protocolVersion"] = 2, ["intervals"] = intervals }, null);
            case [_, "heartbeat"]:
                return (200, new JsonObject { ["status"] = "ok", ["agentStatus"] = "enrolled", ["intervals"] = intervals }, null);
            case [_, "inventory"]:
                Inventories.Enqueue(JsonNode.Parse(body!)!.AsObject());
                return (200, new JsonObject { ["code"] = "accepted", ["accepted"] = 1, ["published"] = true, ["diagnostics"] = new JsonArray() }, null);
            case [_, "events"]:
                return Events(JsonNode.Parse(body!)!.AsObject());
            case [_, "commands"] when method == "GET":
                return (200, await PollAsync(query, cancellationToken), null);
            case [_, "commands", var commandId, "ack"]:
                return Ack(Uri.UnescapeDataString(commandId), JsonNode.Parse(body!)!.AsObject());
            default:
                return (404, Error("not_found", "no such route"), null);
        }
    }

    private (int, JsonNode?, Dictionary<string, string>?) Events(JsonObject batch)
    {
        EventBatches.Enqueue(batch);
        var session = (string)batch["sessionId"]!;
        var applied = 0;
        var duplicates = 0;
        lock (_gate)
        {
            var through = _appliedThrough.GetValueOrDefault(session);
            foreach (var item in batch["events"]!.AsArray())
            {
                var seq = (long)item!["seq"]!;
                if (seq <= through)
                {
                    duplicates++;
                    continue;
                }

                through = seq;
                applied++;
                AppliedEvents.Enqueue(item.DeepClone().AsObject());
            }

            _appliedThrough[session] = through;
        }

        if (LoseEventAnswers > 0)
        {
            LoseEventAnswers--;
            return (-1, null, null);
        }

        return (200, new JsonObject
        {
            ["code"] = applied == 0 && duplicates > 0 ? "duplicate_sequence" : "accepted",
            ["applied"] = applied,
            ["duplicates"] = duplicates,
            ["diagnostics"] = new JsonArray(),
        }, null);
    }

    private async Task<JsonNode> PollAsync(string query, CancellationToken cancellationToken)
    {
        var wait = int.Parse(query.Split("wait=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddSeconds(wait);
        while (true)
        {
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    foreach (var command in _pending)
                    {
                        command["deliveries"] = (int)command["deliveries"]! + 1;
                    }

                    return new JsonObject { ["commands"] = new JsonArray([.. _pending.Select(c => c.DeepClone())]), ["pollAfterSeconds"] = 0 };
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return new JsonObject { ["commands"] = new JsonArray(), ["pollAfterSeconds"] = 0 };
            }

            await _commandQueued.WaitAsync(left, cancellationToken);
        }
    }

    private (int, JsonNode?, Dictionary<string, string>?) Ack(string commandId, JsonObject ack)
    {
        if (FailAcksOf.ContainsKey(commandId))
        {
            return (503, Error("unavailable", "try later"), null);
        }

        var outcome = (string)ack["outcome"]!;
        Acks.Enqueue((commandId, outcome, (string?)ack["result"]));
        if (outcome != "received")
        {
            lock (_gate)
            {
                _pending.RemoveAll(c => (string?)c["id"] == commandId);
            }
        }

        return (204, null, null);
    }

    private static JsonObject Error(string code, string message) => new() { ["status"] = "error", ["error"] = code, ["message"] = message };
}
