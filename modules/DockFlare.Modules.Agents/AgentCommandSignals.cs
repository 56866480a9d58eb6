using System.Collections.Concurrent;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Wakes the long polls of one agent in this process. A poll takes the agent's signal <em>before</em>
/// it looks at the store, so a command queued between the look and the wait still wakes it.
/// </summary>
internal sealed class AgentCommandSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    public Task Next(string agentId) =>
        _signals.GetOrAdd(agentId, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Pulse(string agentId)
    {
        if (_signals.TryRemove(agentId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
