using StackExchange.Redis;

namespace DockFlare.Modules.Agents;

/// <summary>
/// <c>SET dockflare:agents:hb:&lt;id&gt; 1 EX &lt;timeout&gt;</c>: Redis expires the key on its own clock, so
/// offline needs no clock comparison at all, and the age is the TTL already consumed.
/// </summary>
internal sealed class RedisAgentHeartbeats(IConnectionMultiplexer redis, TimeSpan timeout) : IAgentHeartbeats
{
    public Task BeatAsync(string agentId) => redis.GetDatabase().StringSetAsync(Key(agentId), "1", timeout);

    public async Task<TimeSpan?> AgeAsync(string agentId)
    {
        var left = await redis.GetDatabase().KeyTimeToLiveAsync(Key(agentId)).ConfigureAwait(false);
        return left is { } remaining && remaining > TimeSpan.Zero ? timeout - remaining : null;
    }

    public Task ForgetAsync(string agentId) => redis.GetDatabase().KeyDeleteAsync(Key(agentId));

    private static RedisKey Key(string agentId) => RedisAgentStore.Prefix + "hb:" + agentId;
}
