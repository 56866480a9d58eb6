using StackExchange.Redis;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The agent request budget on Redis, shared by every master replica: one token bucket per agent in a hash
/// <c>dockflare:agents:rl:&lt;partition&gt;</c> (<c>tokens</c>, <c>at</c>), refilled continuously at
/// <c>limit / 60</c> tokens a second up to <c>limit</c>, updated by one Lua script on Redis's own clock
/// (<c>TIME</c>), so neither replica clocks nor races between replicas matter. A bucket left alone for a
/// minute is full again, so the key expires then.
/// </summary>
internal sealed class RedisAgentRateLimiter(IConnectionMultiplexer redis, AgentsOptions options) : IAgentRateLimiter
{
    /// <summary>KEYS: bucket. ARGV: capacity (requests per minute). Returns {allowed 1/0, wait ms}.</summary>
    private const string TakeScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local capacity = tonumber(ARGV[1])
        local rate = capacity / 60000
        local s = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(s[1])
        local at = tonumber(s[2])
        if tokens == nil or at == nil then
          tokens = capacity
          at = now
        end
        tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
        local allowed = 0
        local wait = 0
        if tokens >= 1 then
          tokens = tokens - 1
          allowed = 1
        else
          wait = math.ceil((1 - tokens) / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
        redis.call('PEXPIRE', KEYS[1], 61000)
        return {allowed, wait}
        """;

    public async Task<AgentRateDecision> TryAcquireAsync(string partition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            TakeScript, [RedisAgentStore.Prefix + "rl:" + partition], [options.RateLimitPerMinute]).ConfigureAwait(false))!;
        return (long)result[0] == 1 ? AgentRateDecision.Allow : new AgentRateDecision(false, TimeSpan.FromMilliseconds((long)result[1]));
    }
}
