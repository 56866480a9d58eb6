using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DockFlare.Agent.Master;
using DockFlare.Agent.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DockFlare.Agent.Tests.Master;

public sealed class MasterClientTests
{
    private const string AgentId = "6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11";

    [Fact]
    public async Task RegisterAsync_SendsCamelCaseBodyWithBearerKeyAndProtocol_AndFollowsTheIntervals()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.Created,
            """{"agentId":"new-id","status":"pending","protocolVersion":2,"intervals":{"heartbeatSeconds":7,"inventorySeconds":90,"offlineAfterSeconds":60,"pollWaitSeconds":20}}"""));
        var (client, connection) = Create(handler);

        var answer = await client.RegisterAsync(new RegisterRequest("old-id", "edge-1", "edge-1.lan", "2.0.0", [2], null), CancellationToken.None);

        Assert.Equal("new-id", answer.AgentId);
        Assert.Equal(new MasterIntervals(7, 90, 60, 20), connection.Intervals);
        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://master.test/base/api/v2/agents/register", request.RequestUri!.ToString());
        Assert.Equal("2", request.Headers.GetValues(MasterClient.ProtocolHeader).Single());
        var body = JsonNode.Parse(handler.Bodies.Single()!)!.AsObject();
        Assert.Equal("old-id", (string?)body["agentId"]);
        Assert.Equal("edge-1", (string?)body["displayName"]);
        Assert.Equal(2, (int)body["supportedProtocols"]![0]!);
        // Written even when null: "no tunnel saved" is what makes the master hand the tunnel over again.
        Assert.True(body.ContainsKey("tunnelId"));
        Assert.Null(body["tunnelId"]);
        Assert.True(connection.Reachable);
    }

    [Theory]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    public async Task AnyCall_KeyRefused_ThrowsKeyRejected(int status, string code)
    {
        var (client, connection) = Create(new StubHandler(_ => Json((HttpStatusCode)status, $$"""{"status":"error","error":"{{code}}","message":"The key is not an active key of agent 'x'."}""")));

        var ex = await Assert.ThrowsAsync<MasterKeyRejectedException>(() => client.HeartbeatAsync(AgentId, new HeartbeatRequest("2", null), CancellationToken.None));

        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.Code);
        Assert.Equal("The key is not an active key of agent 'x'.", ex.Message);
        Assert.True(connection.Reachable);
    }

    [Fact]
    public async Task AnyCall_Gone_ThrowsAgentRemoved()
    {
        var (client, _) = Create(new StubHandler(_ => Json(HttpStatusCode.Gone, """{"status":"error","error":"agent_removed","message":"This agent was removed from the master."}""")));

        var ex = await Assert.ThrowsAsync<AgentRemovedException>(() => client.PollCommandsAsync(AgentId, 25, CancellationToken.None));

        Assert.Equal("This agent was removed from the master.", ex.Message);
    }

    [Theory]
    [InlineData(429, 3)]
    [InlineData(503, 7)]
    public async Task AnyCall_SlowDown_CarriesRetryAfter(int status, int seconds)
    {
        var (client, _) = Create(new StubHandler(_ =>
        {
            var response = Json((HttpStatusCode)status, """{"status":"error","error":"rate_limited","message":"Too many requests"}""");
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
            return response;
        }));

        var ex = await Assert.ThrowsAsync<MasterUnavailableException>(() => client.HeartbeatAsync(AgentId, new HeartbeatRequest("2", null), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(seconds), ex.RetryAfter);
    }

    [Fact]
    public async Task AnyCall_ConnectionRefused_IsTransient_AndTheMasterIsUnreachable()
    {
        var (client, connection) = Create(new StubHandler(_ => throw new HttpRequestException("Connection refused")));

        var ex = await Assert.ThrowsAsync<MasterUnavailableException>(() => client.HeartbeatAsync(AgentId, new HeartbeatRequest("2", null), CancellationToken.None));

        Assert.Null(ex.RetryAfter);
        Assert.False(connection.Reachable);
        Assert.Null(connection.LastContact);
    }

    [Fact]
    public async Task AnyCall_ServerError_IsTransient()
    {
        var (client, _) = Create(new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") }));

        var ex = await Assert.ThrowsAsync<MasterUnavailableException>(() => client.HeartbeatAsync(AgentId, new HeartbeatRequest("2", null), CancellationToken.None));

        Assert.Equal("HTTP 502: HTTP 502", ex.Message);
    }

    [Fact]
    public async Task AnyCall_BadRequest_IsARefusalOfThatRequestOnly()
    {
        var (client, _) = Create(new StubHandler(_ => Json(HttpStatusCode.BadRequest, """{"status":"error","error":"invalid_request","message":"events[0] needs a 'type'."}""")));

        var ex = await Assert.ThrowsAsync<MasterRequestException>(() => client.SendEventsAsync(AgentId, new EventBatchRequest("s", []), CancellationToken.None));

        Assert.Equal(400, ex.Status);
        Assert.Equal("invalid_request", ex.Code);
    }

    [Fact]
    public async Task SendInventoryAsync_BodyAboveOneMebibyte_IsNotSent()
    {
        var handler = new StubHandler(_ => Json(HttpStatusCode.OK, "{}"));
        var (client, _) = Create(handler);
        var big = new Dictionary<string, string> { ["dockflare.hostname"] = new string('a', MasterClient.MaxBodyBytes) };

        var ex = await Assert.ThrowsAsync<MasterRequestException>(() =>
            client.SendInventoryAsync(AgentId, new InventoryRequest("s", true, [new ReportedContainer("id", "name", "running", big)]), CancellationToken.None));

        Assert.Equal(413, ex.Status);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task AcknowledgeAsync_PostsOutcomeAndResult_ToTheCommandsAckRoute()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        var (client, _) = Create(handler);

        await client.AcknowledgeAsync(AgentId, "1767225600000-0", "failed", "unknown action 'x'", CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal($"/base/api/v2/agents/{AgentId}/commands/1767225600000-0/ack", request.RequestUri!.AbsolutePath);
        Assert.Equal("""{"outcome":"failed","result":"unknown action \u0027x\u0027"}""", handler.Bodies.Single());
    }

    private static (MasterClient Client, MasterConnection Connection) Create(HttpMessageHandler handler)
    {
        var factory = Substitute.For<IHttpClientFactory>();
        factory.CreateClient(MasterClient.HttpClientName).Returns(_ => new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("http://master.test/base/") });
        var connection = new MasterConnection(TimeProvider.System, NullLogger<MasterConnection>.Instance);
        return (new MasterClient(factory, connection, new AgentTimings()), connection);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
