using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Host.Api;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Tests;

/// <summary>The agent command API on a real host: the v2 long poll and ack, and the original 3.x shape.</summary>
public sealed class AgentCommandEndpointTests : IAsyncLifetime
{
    private const string Commands = "/api/v2/agents/" + AgentCommandTestHost.AgentId + "/commands";
    private AgentCommandTestHost _host = null!;

    public async Task InitializeAsync() => _host = await AgentCommandTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetCommands_OriginalAgentRequest_OriginalShapeAndDeliveredOnlyOnce()
    {
        var queued = await _host.Commands.EnqueueAsync(
            AgentCommandTestHost.AgentId, "stop_tunnel", new JsonObject { ["tunnel_name"] = "host-a" }, TimeSpan.FromMinutes(5), CancellationToken.None);

        // Exactly what the 3.x agent sends: a GET with its key and nothing else.
        using var first = await GetJsonAsync(Commands);
        using var second = await GetJsonAsync(Commands);

        Assert.Equal("success", first.RootElement.GetProperty("status").GetString());
        var command = Assert.Single(first.RootElement.GetProperty("commands").EnumerateArray());
        Assert.Equal("stop_tunnel", command.GetProperty("action").GetString());
        Assert.Equal("host-a", command.GetProperty("tunnel_name").GetString());
        Assert.False(command.TryGetProperty("id", out _));
        Assert.Empty(second.RootElement.GetProperty("commands").EnumerateArray());
        var history = await _host.Commands.HistoryAsync(AgentCommandTestHost.AgentId, 10, CancellationToken.None);
        Assert.Equal((queued.Id, "succeeded"), (history[0].Command.Id, history[0].State));
    }

    [Fact]
    public async Task GetCommands_V2ThenAck_DeliveredUntilAcknowledged()
    {
        var queued = await _host.Commands.EnqueueAsync(
            AgentCommandTestHost.AgentId, "stop_tunnel", new JsonObject { ["tunnel_name"] = "host-a" }, TimeSpan.FromMinutes(5), CancellationToken.None);

        using var first = await GetJsonAsync(Commands + "?wait=0");
        using var again = await GetJsonAsync(Commands + "?wait=0");
        using var ack = await PostAsync($"{Commands}/{queued.Id}/ack", """{"outcome":"succeeded","result":"stopped"}""");
        using var after = await GetJsonAsync(Commands + "?wait=0");

        var command = Assert.Single(first.RootElement.GetProperty("commands").EnumerateArray());
        Assert.Equal(queued.Id, command.GetProperty("id").GetString());
        Assert.Equal("stop_tunnel", command.GetProperty("action").GetString());
        Assert.Equal("host-a", command.GetProperty("payload").GetProperty("tunnel_name").GetString());
        Assert.Equal(1, command.GetProperty("deliveries").GetInt32());
        Assert.True(command.TryGetProperty("expiresAt", out _));
        Assert.Equal(AgentCommandEndpoints.ShortPollAfterSeconds, first.RootElement.GetProperty("pollAfterSeconds").GetInt32());
        Assert.Equal(2, again.RootElement.GetProperty("commands")[0].GetProperty("deliveries").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, ack.StatusCode);
        Assert.Empty(after.RootElement.GetProperty("commands").EnumerateArray());
    }

    [Fact]
    public async Task GetCommands_LongPoll_AnswersWithinOneSecondOfEnqueue()
    {
        var poll = _host.Client.GetAsync(Commands + "?wait=20");
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        await _host.Commands.EnqueueAsync(AgentCommandTestHost.AgentId, "stop_tunnel", [], TimeSpan.FromMinutes(5), CancellationToken.None);
        using var response = await poll;
        clock.Stop();

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Single(body.RootElement.GetProperty("commands").EnumerateArray());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"answered after {clock.Elapsed.TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData("/api/v2/agents/agent-one/commands/1-0/ack", """{"outcome":"succeeded"}""", HttpStatusCode.NotFound, "not_found")]
    [InlineData("/api/v2/agents/agent-one/commands/1-0/ack", """{"outcome":"done"}""", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("/api/v2/agents/agent-one/commands/1-0/ack", """{"outcome":""", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("/api/v2/agents/agent-one/commands/1-0/ack", "", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("/api/v2/agents/agent-two/commands/1-0/ack", """{"outcome":"succeeded"}""", HttpStatusCode.Unauthorized, "unauthorized")]
    public async Task PostAck_BadRequest_JsonErrorNever500(string path, string body, HttpStatusCode status, string error)
    {
        using var response = await PostAsync(path, body);

        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PostAck_HugeBody_RefusedWithMessage()
    {
        using var response = await PostAsync(Commands + "/1-0/ack", $$"""{"outcome":"failed","result":"{{new string('x', 100_000)}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "?wait=0", HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", "?wait=0", HttpStatusCode.Unauthorized)]
    [InlineData(AgentCommandTestHost.AgentKey, "?wait=61", HttpStatusCode.BadRequest)]
    [InlineData(AgentCommandTestHost.AgentKey, "?wait=soon", HttpStatusCode.BadRequest)]
    public async Task GetCommands_BadKeyOrWait_JsonError(string? key, string query, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Commands + query);
        request.Headers.Authorization = key is null ? null : new AuthenticationHeaderValue("Bearer", key);
        if (key is null)
        {
            _host.Client.DefaultRequestHeaders.Authorization = null;
        }

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData(AgentCommandTestHost.RemovedAgentKey, HttpStatusCode.Gone, "agent_removed")]
    [InlineData("revoked-by-an-admin", HttpStatusCode.Unauthorized, "unauthorized")]
    public async Task CommandRoutes_KeyOfRemovedAgent_410OtherRefusedKeys401(string key, HttpStatusCode status, string error)
    {
        _host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var poll = await _host.Client.GetAsync(Commands + "?wait=0");
        using var ack = await PostAsync(Commands + "/1-0/ack", """{"outcome":"succeeded"}""");

        foreach (var response in new[] { poll, ack })
        {
            Assert.Equal(status, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(error, json.RootElement.GetProperty("error").GetString());
        }
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _host.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        _host.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
}
