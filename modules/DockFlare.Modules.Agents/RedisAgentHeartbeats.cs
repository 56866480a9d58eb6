using System.Text.Json;
using StackExchange.Redis;

namespace DockFlare.Modules.Agents;

/// <summary>
/// <c>SET dockflare:agents:hb:&lt;id&gt; 1 EX &lt;timeout&gt;</c>: Redis expires the key on its own clock, so
/// offline needs no clock comparison at all, and the age is the TTL already consumed. The cloudflared status a heartbeat
/// carries is <c>SET dockflare:agents:cloudflared:&lt;id&gt; &lt;json&gt;</c> (no TTL: the last word stays readable while the
/// agent is offline; removal deletes it).
/// </summary>
internal sealed class RedisAgentHeartbeats(IConnectionMultiplexer redis, TimeSpan timeout) : IAgentHeartbeats
{
    public Task BeatAsync(string agentId) => redis.GetDatabase().StringSetAsync(Key(agentId), "1", timeout);

    public async Task<TimeSpan?> AgeAsync(string agentId)
    {
        var left = await redis.GetDatabase().KeyTimeToLiveAsync(Key(agentId)).ConfigureAwait(false);
        return left is { } remaining && remaining > TimeSpan.Zero ? timeout - remaining : null;
    }

    public Task RecordCloudflaredAsync(string agentId, AgentCloudflaredStatus status) =>
        redis.GetDatabase().StringSetAsync(CloudflaredKey(agentId), JsonSerializer.Serialize(status, AgentDocuments.Json));

    public async Task<AgentCloudflaredStatus?> CloudflaredAsync(string agentId)
    {
        var json = await redis.GetDatabase().StringGetAsync(CloudflaredKey(agentId)).ConfigureAwait(false);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<AgentCloudflaredStatus>(json.ToString(), AgentDocuments.Json);
    }

    public Task ForgetAsync(string agentId) => redis.GetDatabase().KeyDeleteAsync([Key(agentId), CloudflaredKey(agentId)]);

    private static RedisKey Key(string agentId) => RedisAgentStore.Prefix + "hb:" + agentId;

    private static RedisKey CloudflaredKey(string agentId) => RedisAgentStore.Prefix + "cloudflared:" + agentId;
}
