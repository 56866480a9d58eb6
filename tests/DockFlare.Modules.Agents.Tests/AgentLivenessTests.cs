using DockFlare.Testing;
using StackExchange.Redis;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>Liveness from the heartbeat key's TTL on Redis (database 27): no clock of the agent is involved.</summary>
public sealed class AgentLivenessTests
{
    private const int Database = 27;

    [Fact]
    public async Task Heartbeat_TtlExpires_OnlineThenStaleThenOffline()
    {
        var url = new Uri(TestInfrastructure.RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true, DefaultDatabase = Database };
        options.EndPoints.Add(url.Host, url.Port);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(Database);
        var heartbeats = new RedisAgentHeartbeats(redis, TimeSpan.FromSeconds(6));
        var reader = new AgentLivenessReader(heartbeats, new AgentsOptions { HeartbeatTimeoutSeconds = 6 });

        Assert.Equal(AgentLiveness.Offline, (await reader.ReadAsync("a1")).Liveness);
        await heartbeats.BeatAsync("a1");
        Assert.Equal(AgentLiveness.Online, (await reader.ReadAsync("a1")).Liveness);
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(AgentLiveness.Stale, (await reader.ReadAsync("a1")).Liveness);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(AgentLiveness.Offline, (await reader.ReadAsync("a1")).Liveness);
        Assert.False(await redis.GetDatabase().KeyExistsAsync(RedisAgentStore.Prefix + "hb:a1"));
    }

    [Fact]
    public async Task Redis_CloudflaredStatus_RoundTrips_OutlivesTheHeartbeat_AndIsForgottenWithIt()
    {
        var url = new Uri(TestInfrastructure.RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true, DefaultDatabase = Database };
        options.EndPoints.Add(url.Host, url.Port);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var heartbeats = new RedisAgentHeartbeats(redis, TimeSpan.FromSeconds(1));
        var status = new AgentCloudflaredStatus("running", "cloudflared-agent-a2", "img:1", "t-1", null, "2.0.0", DateTimeOffset.UnixEpoch);

        Assert.Null(await heartbeats.CloudflaredAsync("a2"));
        await heartbeats.BeatAsync("a2");
        await heartbeats.RecordCloudflaredAsync("a2", status);
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        Assert.Null(await heartbeats.AgeAsync("a2"));
        Assert.Equal(status, await heartbeats.CloudflaredAsync("a2"));
        await heartbeats.ForgetAsync("a2");
        Assert.Null(await heartbeats.CloudflaredAsync("a2"));
    }

    [Fact]
    public async Task Memory_Heartbeat_UsesOnlyTheMastersClock()
    {
        var time = new ManualTime();
        var heartbeats = new MemoryAgentHeartbeats(time, TimeSpan.FromSeconds(60));
        var reader = new AgentLivenessReader(heartbeats, new AgentsOptions { HeartbeatTimeoutSeconds = 60 });

        await heartbeats.BeatAsync("a1");
        Assert.Equal(AgentLiveness.Online, (await reader.ReadAsync("a1")).Liveness);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(AgentLiveness.Stale, (await reader.ReadAsync("a1")).Liveness);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(AgentLiveness.Offline, (await reader.ReadAsync("a1")).Liveness);
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
