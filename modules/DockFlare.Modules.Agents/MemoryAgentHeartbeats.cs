using System.Collections.Concurrent;

namespace DockFlare.Modules.Agents;

/// <summary>Heartbeats of the embedded mode: the master's time of the last beat, in memory (one master).</summary>
internal sealed class MemoryAgentHeartbeats(TimeProvider time, TimeSpan timeout) : IAgentHeartbeats
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AgentCloudflaredStatus> _cloudflared = new(StringComparer.Ordinal);

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

    public Task RecordCloudflaredAsync(string agentId, AgentCloudflaredStatus status)
    {
        _cloudflared[agentId] = status;
        return Task.CompletedTask;
    }

    public Task<AgentCloudflaredStatus?> CloudflaredAsync(string agentId) =>
        Task.FromResult(_cloudflared.TryGetValue(agentId, out var status) ? status : null);

    public Task ForgetAsync(string agentId)
    {
        _last.TryRemove(agentId, out _);
        _cloudflared.TryRemove(agentId, out _);
        return Task.CompletedTask;
    }
}
