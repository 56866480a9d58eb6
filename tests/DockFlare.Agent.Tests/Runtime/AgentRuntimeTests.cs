using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Health;
using DockFlare.Agent.Master;
using DockFlare.Agent.State;
using DockFlare.Agent.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace DockFlare.Agent.Tests.Runtime;

/// <summary>The agent's life with its master: registration, outages, a refused key, removal, health and shutdown.</summary>
public sealed class AgentRuntimeTests : IDisposable
{
    private const string Token = "eyJhIjoiYWNjIiwidCI6InR1biIsInMiOiJzZWNyZXQtdG9rZW4ifQ==";
    private readonly AgentParts _parts = new();

    public void Dispose() => _parts.Dispose();

    [Fact]
    public async Task Register_SendsTheSavedId_AndAdoptsTheIdTheMasterAnswers()
    {
        Seed(new AgentState { AgentId = "11111111-2222-4333-8444-555555555555" });
        _parts.Master.AssignedAgentId = "6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11";

        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => _parts.Master.Requests.Any(r => r.Path.EndsWith("/heartbeat", StringComparison.Ordinal)), "a heartbeat");

        var register = _parts.Master.Requests.First(r => r.Path == "/api/v2/agents/register");
        Assert.Equal("11111111-2222-4333-8444-555555555555", (string?)JsonNode.Parse(register.Body!)!["agentId"]);
        Assert.Equal("Bearer " + TestAgent.Key, register.Authorization);
        Assert.Equal("2", register.Protocol);
        Assert.Equal("6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11", agent.State.AgentId);
        Assert.Equal("6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11", Reload().AgentId);
        Assert.All(_parts.Master.Requests.Where(r => r.Path != "/api/v2/agents/register"),
            r => Assert.StartsWith("/api/v2/agents/6c1f0e0a-7d43-4c52-9b9e-2f0d7c7f1a11/", r.Path, StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t", _parts.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MasterUnreachable_BringsCloudflaredBackFromSavedState_ThenKeepsRetrying()
    {
        SeedRunningTunnel();
        _parts.Master.Down = true;

        await using var agent = await TestAgent.StartAsync(_parts);

        await Eventually.TrueAsync(() => _parts.Controller.ReceivedCalls().Any(c => c.GetMethodInfo().Name == "EnsureAsync"), "cloudflared ensured");
        await _parts.Controller.Received().EnsureAsync(
            Arg.Is<CloudflaredDesired>(d => d.Token == Token && d.TunnelId == AgentParts.TunnelId), Arg.Any<CancellationToken>());
        Assert.Equal(0, _parts.Master.SuccessfulCalls);
        await Eventually.TrueAsync(() => _parts.Master.Requests.Count(r => r.Path.EndsWith("/register", StringComparison.Ordinal)) >= 3, "registration retried");

        _parts.Master.Down = false;
        await Eventually.TrueAsync(() => !_parts.Master.Inventories.IsEmpty, "the inventory once the master is back");
    }

    [Fact]
    public async Task MasterOutage_CloudflaredUntouched_AndTheInventoryIsSentAgainOnReturn()
    {
        _parts.Master.InventorySeconds = 3600;
        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => _parts.Master.Inventories.Count == 1, "the inventory at connect");

        _parts.Master.Down = true;
        await Eventually.TrueAsync(() => _parts.Master.Requests.Any(r => r.Status == 0), "a failed call");
        await Task.Delay(200);
        _parts.Master.Down = false;

        await Eventually.TrueAsync(() => _parts.Master.Inventories.Count >= 2, "the inventory after the outage");
        await _parts.Controller.DidNotReceive().RemoveAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task KeyRefused_StopsPollingAndReporting_LeavesCloudflaredAsItIs_AndHealthIsUnhealthy()
    {
        SeedRunningTunnel();
        await using var agent = await TestAgent.StartAsync(_parts, health: true);
        await Eventually.TrueAsync(() => _parts.Master.SuccessfulCalls > 2, "the agent talking to the master");

        _parts.Master.Refusal = (401, "unauthorized", "The key is not an active key of agent 'x'.");
        await Eventually.TrueAsync(() => _parts.Logs.Entries.Any(e => e.Contains("refused this agent's key", StringComparison.Ordinal)), "the key error");
        await Task.Delay(300); // let calls in flight finish
        _parts.Controller.ClearReceivedCalls();
        var calls = _parts.Master.Requests.Count;

        await Task.Delay(600); // six supervision intervals, several heartbeat and poll intervals

        Assert.Equal(calls, _parts.Master.Requests.Count);
        Assert.Empty(_parts.Controller.ReceivedCalls());
        var error = Assert.Single(_parts.Logs.Entries, e => e.Contains("refused this agent's key", StringComparison.Ordinal));
        Assert.StartsWith("Error", error, StringComparison.Ordinal);
        Assert.Contains(TestAgent.KeyId, error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", _parts.Logs.All, StringComparison.Ordinal);
        Assert.Equal(TunnelDesiredState.Running, agent.State.DesiredState);

        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{agent.HealthPort}/health"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("unhealthy", (string?)body["status"]);
        Assert.True((bool)body["keyRejected"]!);
    }

    [Fact]
    public async Task Removed_RemovesCloudflared_ForgetsTheTunnel_AndStops()
    {
        SeedRunningTunnel();
        _parts.Master.Refusal = (410, "agent_removed", "This agent was removed from the master.");

        await using var agent = await TestAgent.StartAsync(_parts);

        await Eventually.TrueAsync(() => agent.State.Tunnel is null, "the tunnel forgotten");
        await Eventually.TrueAsync(() => _parts.Controller.ReceivedCalls().Any(c => c.GetMethodInfo().Name == "RemoveAsync"), "cloudflared removed");
        Assert.Equal(TunnelDesiredState.Stopped, agent.State.DesiredState);
        Assert.Null(Reload().Tunnel);
        var calls = _parts.Master.Requests.Count;
        _parts.Controller.ClearReceivedCalls();
        await Task.Delay(400);
        Assert.Equal(calls, _parts.Master.Requests.Count);
        await _parts.Controller.DidNotReceiveWithAnyArgs().EnsureAsync(default!, default);
    }

    [Fact]
    public async Task Health_OverALoopbackPort_AnswersJsonAnd404ElseWhere()
    {
        SeedRunningTunnel();
        await using var agent = await TestAgent.StartAsync(_parts, health: true);
        await Eventually.TrueAsync(() => _parts.Master.SuccessfulCalls > 0 && _parts.Controller.ReceivedCalls().Any(), "contact and supervision");
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{agent.HealthPort}/health"));
        using var other = await http.GetAsync(new Uri($"http://127.0.0.1:{agent.HealthPort}/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("healthy", (string?)body["status"]);
        Assert.Equal(_parts.Master.AssignedAgentId, (string?)body["agentId"]);
        Assert.True((bool)body["masterReachable"]!);
        Assert.False((bool)body["keyRejected"]!);
        Assert.InRange((long)body["secondsSinceMasterContact"]!, 0, 5);
        Assert.Equal("running", (string?)body["cloudflared"]!["state"]);
        Assert.Equal(AgentParts.TunnelId, (string?)body["cloudflared"]!["tunnelId"]);
        Assert.Equal(["state", "containerName", "image", "tunnelId", "error"], body["cloudflared"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain(Token, body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        // Heartbeats carry the same view of cloudflared (the master keeps it for the admin API).
        await Eventually.TrueAsync(() => _parts.Master.Requests.Any(r => r.Path.EndsWith("/heartbeat", StringComparison.Ordinal)
            && (string?)JsonNode.Parse(r.Body!)!["cloudflared"]?["state"] == "running"), "a heartbeat reporting cloudflared running");
    }

    [Fact]
    public async Task Health_PostOrPutWithoutBody_IsRefused_AndTheAgentKeepsRunning()
    {
        // A bodiless POST used to stop the whole agent (exit code 0): the listener answered 411 and disposed the response,
        // and setting its status code threw out of the health server.
        SeedRunningTunnel();
        await using var agent = await TestAgent.StartAsync(_parts, health: true);
        await Eventually.TrueAsync(() => _parts.Master.SuccessfulCalls > 0, "contact");
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{agent.HealthPort}/health");

        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            using var request = new HttpRequestMessage(method, url);
            using var refused = await http.SendAsync(request);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        using var raw = new TcpClient();
        await raw.ConnectAsync(IPAddress.Loopback, agent.HealthPort);
        await raw.GetStream().WriteAsync("PUT /x HTTP/1.0\r\n\r\n"u8.ToArray());
        var buffer = new byte[512];
        _ = await raw.GetStream().ReadAsync(buffer);

        await Task.Delay(300);
        using var after = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False(agent.Stopped, "the agent stopped");
    }

    [Fact]
    public async Task CommandPoll_MasterAnswersAtOnceWithNothing_PollsAtMostOnceASecond()
    {
        // A master or proxy that does not hold the long poll (wait 0) made the agent poll about 20 times a second.
        _parts.Master.PollWaitSeconds = 0;
        await using var agent = await TestAgent.StartAsync(_parts);
        await Eventually.TrueAsync(() => _parts.Master.Requests.Any(r => r.Path.EndsWith("/commands", StringComparison.Ordinal)), "a first poll");

        await Task.Delay(TimeSpan.FromSeconds(3));

        var polls = _parts.Master.Requests.Count(r => r.Path.EndsWith("/commands", StringComparison.Ordinal));
        Assert.InRange(polls, 2, 5);
    }

    [Fact]
    public async Task HealthSubcommand_AgentHealthy_ExitsZero_NothingListening_ExitsOne()
    {
        SeedRunningTunnel();
        await using var agent = await TestAgent.StartAsync(_parts, health: true);
        await Eventually.TrueAsync(() => _parts.Master.SuccessfulCalls > 0 && _parts.Controller.ReceivedCalls().Any(), "contact and supervision");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var healthy = await HealthProbe.RunAsync(Port(agent.HealthPort), output, error);
        var nothing = await HealthProbe.RunAsync(Port(FreePort()), output, error);
        var invalid = await HealthProbe.RunAsync(Port(70000), output, error);

        Assert.Equal(0, healthy);
        Assert.Contains("\"status\":\"healthy\"", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, nothing);
        Assert.Contains("did not answer", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, invalid);
        Assert.Contains("HEALTH_CHECK_PORT '70000'", error.ToString(), StringComparison.Ordinal);

        static IConfiguration Port(int port) =>
            new ConfigurationBuilder().AddInMemoryCollection([new("HEALTH_CHECK_PORT", port.ToString(CultureInfo.InvariantCulture))]).Build();

        static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }

    [Fact]
    public async Task Shutdown_CommandInProgress_IsFinishedAndAcknowledged_ThenCloudflaredIsLeftAlone()
    {
        var release = new TaskCompletionSource();
        _parts.Controller.EnsureAsync(Arg.Any<CloudflaredDesired>(), Arg.Any<CancellationToken>()).Returns(async ci =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return AgentParts.Running;
        });
        var agent = await TestAgent.StartAsync(_parts);
        _parts.Master.Queue("c1", "start_tunnel", new JsonObject { ["tunnel_id"] = AgentParts.TunnelId, ["tunnel_name"] = "t", ["token"] = Token });
        await Eventually.TrueAsync(() => _parts.Master.Acks.Any(a => a.Outcome == "received"), "the received ack");

        var stopping = agent.StopAsync();
        await Task.Delay(200);
        release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("c1", "succeeded"), (_parts.Master.Acks.Last().CommandId, _parts.Master.Acks.Last().Outcome));
        _parts.Controller.ClearReceivedCalls();
        await Task.Delay(300);
        Assert.Empty(_parts.Controller.ReceivedCalls());
        await agent.DisposeAsync();
    }

    private void SeedRunningTunnel() => Seed(new AgentState
    {
        AgentId = _parts.Master.AssignedAgentId,
        Tunnel = new TunnelAssignment(AgentParts.TunnelId, "edge-tunnel", Token),
        DesiredState = TunnelDesiredState.Running,
    });

    private void Seed(AgentState state) =>
        new AgentStateFile(_parts.DataDirectory, TimeProvider.System, NullLogger<AgentStateFile>.Instance).Save(state);

    private AgentState Reload() =>
        new AgentStateFile(_parts.DataDirectory, TimeProvider.System, NullLogger<AgentStateFile>.Instance).Load();
}
