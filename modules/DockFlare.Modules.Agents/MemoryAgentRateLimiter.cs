using System.Collections.Concurrent;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The agent request budget of the embedded mode (one master): the same token bucket as
/// <see cref="RedisAgentRateLimiter"/> (capacity <c>limit</c>, refilled at <c>limit / 60</c> a second), in memory.
/// </summary>
internal sealed class MemoryAgentRateLimiter(AgentsOptions options, TimeProvider time) : IAgentRateLimiter
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public Task<AgentRateDecision> TryAcquireAsync(string partition, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partition);
        var capacity = (double)options.RateLimitPerMinute;
        var perMillisecond = capacity / 60_000;
        var now = time.GetUtcNow();
        var bucket = _buckets.GetOrAdd(partition, _ => new Bucket(capacity, now));
        lock (bucket)
        {
            var elapsed = Math.Max(0, (now - bucket.At).TotalMilliseconds);
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + elapsed * perMillisecond);
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                return Task.FromResult(AgentRateDecision.Allow);
            }

            return Task.FromResult(new AgentRateDecision(false, TimeSpan.FromMilliseconds(Math.Ceiling((1 - bucket.Tokens) / perMillisecond))));
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;

        public DateTimeOffset At { get; set; } = at;
    }
}
