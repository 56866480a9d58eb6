using System.Diagnostics;
using Docker.DotNet.Models;
using DockFlare.Agent.EndToEndTests.Support;
using Xunit.Abstractions;

namespace DockFlare.Agent.EndToEndTests;

/// <summary>
/// Issue 7 end to end: the real agent against the real master (Redis, Cloudflare emulator) and the real test dockerd, with
/// a stand-in cloudflared image. Each test asserts what really happened: containers through the Docker API, Cloudflare
/// through the emulator's state, routes through the master's REST API.
/// </summary>
[Trait("Category", "AgentEndToEnd")]
public sealed class AgentEndToEndTests(StandInImageFixture standIn, ITestOutputHelper output) : IClassFixture<StandInImageFixture>
{
    // A Redis database no other test project uses; the tests of one class run one after another.
    private const int RedisDatabase = 12;

    private static readonly string[] CloudflaredArguments = ["tunnel", "--no-autoupdate", "run"];

    private Task<AgentWorld> WorldAsync() => AgentWorld.StartAsync(output, standIn.Image, RedisDatabase);

    [Fact]
    public async Task Enrolment_RealEngineAndMaster_CloudflaredRunsWithTokenInEnvironmentAndLabelledContainerIsPublished()
    {
        await using var world = await WorldAsync();

        var tunnelId = await world.StartEnrolledAgentAsync();

        var cloudflared = await world.RunningCloudflaredAsync(tunnelId);
        var token = await world.Cloudflare.TokenAsync(tunnelId);
        Assert.Equal("dockflare", cloudflared.Config.Labels["managed-by"]);
        Assert.Equal(world.AgentId, cloudflared.Config.Labels["dockflare.agent.id"]);
        Assert.Equal($"/cloudflared-agent-{world.AgentId}", cloudflared.Name);
        Assert.Equal(RestartPolicyKind.UnlessStopped, cloudflared.HostConfig.RestartPolicy.Name);
        Assert.Equal([world.Network], cloudflared.NetworkSettings.Networks.Keys);
        Assert.Contains($"TUNNEL_TOKEN={token}", cloudflared.Config.Env);
        Assert.Equal(CloudflaredArguments, cloudflared.Config.Cmd);
        Assert.DoesNotContain(cloudflared.Config.Entrypoint.Concat(cloudflared.Config.Cmd), a => a.Contains(token, StringComparison.Ordinal));

        // What the process itself received: the token in its environment, never in its arguments.
        var arguments = await Eventually.ValueAsync(() => StandInCloudflared.ReadAsync(world.Docker, cloudflared.ID, StandInCloudflared.ArgumentsFile), "the stand-in to record its arguments");
        var environment = await Eventually.ValueAsync(() => StandInCloudflared.ReadAsync(world.Docker, cloudflared.ID, StandInCloudflared.EnvironmentFile), "the stand-in to record its environment");
        Assert.Equal(CloudflaredArguments, arguments);
        Assert.Contains($"TUNNEL_TOKEN={token}", environment);

        var hostname = world.Hostname("app");
        await world.RunLabelledAsync("app", hostname);

        await Eventually.TrueAsync(() => world.IsPublishedAsync(hostname, tunnelId), $"{hostname} to be published on the agent's tunnel");
        var agent = (await world.Master.AgentAsync(world.AgentId!)).GetProperty("agent");
        Assert.Equal("enrolled", agent.GetProperty("status").GetString());
        Assert.Equal(tunnelId, agent.GetProperty("tunnelId").GetString());
    }

    [Fact]
    public async Task MasterAway_ContainersChangeMeanwhile_CloudflaredUntouchedAndInventoryResyncedOnReturn()
    {
        await using var world = await WorldAsync();
        var tunnelId = await world.StartEnrolledAgentAsync();
        var before = await world.RunningCloudflaredAsync(tunnelId);
        var first = world.Hostname("first");
        var firstId = await world.RunLabelledAsync("first", first);
        await Eventually.TrueAsync(() => world.IsPublishedAsync(first, tunnelId), $"{first} to be published");

        var inventories = world.Logs.Count("Inventory sent");
        var stopping = Stopwatch.StartNew();
        await world.Master.StopAsync();
        // The agent's long poll must not hold the master's shutdown (docker stop kills after 10 s).
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"the master took {stopping.Elapsed.TotalSeconds:0.0} s to stop");
        await Eventually.TrueAsync(() => Task.FromResult(world.Logs.Contains("The master does not answer")), "the agent to notice the master is away");
        var second = world.Hostname("second");
        await world.RunLabelledAsync("second", second);
        await world.StopContainerAsync(firstId);
        var during = await world.CloudflaredAsync();
        await world.Master.StartAgainAsync();

        await Eventually.TrueAsync(() => world.IsPublishedAsync(second, tunnelId), $"{second}, started while the master was away, to be published");
        await Eventually.TrueAsync(async () => await world.Master.RouteStatusAsync(first) == "pendingDeletion", $"{first}, stopped while the master was away, to wait out its grace period");
        Assert.True(world.Cloudflare.IsPublished(first, tunnelId, AgentWorld.Service), $"{first} stays live in Cloudflare during its grace period");
        Assert.True(world.Logs.Contains("The master answers again"), "the agent noticed the master's return");
        Assert.True(world.Logs.Count("Inventory sent") > inventories, "the agent resent its full inventory on the master's return");
        var after = await world.CloudflaredAsync();
        foreach (var seen in new[] { during, after })
        {
            Assert.NotNull(seen);
            Assert.Equal(before.ID, seen.ID);
            Assert.True(seen.State.Running);
            Assert.Equal(before.State.StartedAt, seen.State.StartedAt);
        }

        var agent = Assert.Single(await world.Master.AgentsAsync());
        Assert.Equal(world.AgentId, agent.GetProperty("agent").GetProperty("id").GetString());
    }

    [Fact]
    public async Task DockerEventStreamBreaks_ContainersStartedDuringAndAfterTheBreak_PublishedFromEventsWithoutWaitingForAnInventory()
    {
        await using var world = await WorldAsync();
        var tunnelId = await world.StartEnrolledAgentAsync();
        await world.RunningCloudflaredAsync(tunnelId);
        var before = world.Hostname("before");
        await world.RunLabelledAsync("before", before);
        await Eventually.TrueAsync(() => world.IsPublishedAsync(before, tunnelId), $"{before} to be published");
        var inventories = world.Logs.Count("Inventory sent");
        Assert.True(inventories > 0, "the agent logs each inventory it sends (the assertion at the end counts them)");

        world.Proxy.Break();
        await Eventually.TrueAsync(() => Task.FromResult(world.Logs.Contains("Docker event stream")), "the agent to notice its event stream broke");
        var during = world.Hostname("during");
        await world.RunLabelledAsync("during", during);
        world.Proxy.Restore();

        await Eventually.TrueAsync(() => world.IsPublishedAsync(during, tunnelId), $"{during}, started while the event stream was broken, to be published");
        var after = world.Hostname("after");
        await world.RunLabelledAsync("after", after);
        await Eventually.TrueAsync(() => world.IsPublishedAsync(after, tunnelId), $"{after}, started after the stream reopened, to be published");

        // Events did it: no inventory was sent meanwhile (the next one is a minute away), so the reopened stream resumed
        // from the last event it had seen and delivered the start that happened during the break.
        Assert.Equal(inventories, world.Logs.Count("Inventory sent"));
    }

    [Fact]
    public async Task AgentRestart_MasterDownAndCloudflaredRemoved_CloudflaredBackFromPersistedStateThenSameAgentReconnects()
    {
        await using var world = await WorldAsync();
        var tunnelId = await world.StartEnrolledAgentAsync();
        var first = await world.RunningCloudflaredAsync(tunnelId);
        var token = await world.Cloudflare.TokenAsync(tunnelId);
        var agentId = world.AgentId;

        await world.StopAgentAsync();
        await world.Docker.Containers.RemoveContainerAsync(first.ID, new ContainerRemoveParameters { Force = true });
        await world.Master.StopAsync();
        await world.StartAgentAsync();

        var back = await world.RunningCloudflaredAsync(tunnelId);
        Assert.False(world.Master.IsRunning);
        Assert.NotEqual(first.ID, back.ID);
        Assert.Contains($"TUNNEL_TOKEN={token}", back.Config.Env);
        Assert.Equal(first.Name, back.Name);
        Assert.Equal(agentId, world.Agent!.State.AgentId);

        await world.Master.StartAgainAsync();
        await Eventually.TrueAsync(
            async () => (await world.Master.AgentAsync(agentId!)).GetProperty("liveness").GetString() == "online" && world.Logs.Contains("The master answers again"),
            "the agent to reach the master again");
        var agent = Assert.Single(await world.Master.AgentsAsync());
        Assert.Equal(agentId, agent.GetProperty("agent").GetProperty("id").GetString());
        Assert.Equal("enrolled", agent.GetProperty("agent").GetProperty("status").GetString());
        Assert.Equal(agentId, world.Agent.State.AgentId);
        var hostname = world.Hostname("again");
        await world.RunLabelledAsync("again", hostname);
        await Eventually.TrueAsync(() => world.IsPublishedAsync(hostname, tunnelId), $"{hostname} to be published after the reconnection");
        Assert.Equal(back.ID, (await world.CloudflaredAsync())!.ID);
    }
}
