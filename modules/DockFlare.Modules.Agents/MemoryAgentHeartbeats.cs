using System.Collections.Concurrent;

namespace DockFlare.Modules.Agents;

/// <summary>Heartbeats of the embedded mode: the master's time of the last beat, in memory (one master).</summary>
internal sealed class MemoryAgentHeartbeats(TimeProvider time, TimeSpan timeout) : IAgentHeartbeats
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);

    public Task BeatAsync(string agentId)
    {
        _last[agentId] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<TimeSpan?> AgeAsync(string agentId)
    {
        TimeSpan? age = _last.TryGetValue(agentId, out var at) ? time.GetUtcNow() - at : null;
        return Task.FromResult(age is { } value && value < timeout ? age : null);
    }

    public Task ForgetAsync(string agentId)
    {
        _last.TryRemove(agentId, out _);
        return Task.CompletedTask;
    }
}
