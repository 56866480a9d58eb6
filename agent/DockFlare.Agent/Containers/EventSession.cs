using DockFlare.Agent.State;

namespace DockFlare.Agent.Containers;

/// <summary>
/// The agent's report session and its event sequence numbers, persisted, so that a batch sent again after a lost answer
/// carries the same numbers (the master skips what it applied) and numbers never repeat for different events.
/// </summary>
internal sealed class EventSession(AgentStateStore state)
{
    /// <summary>The session id (created and saved on first use).</summary>
    public string Id => state.Current.EventSessionId ?? state.Update(s => s.EventSessionId is null
        ? s with { EventSessionId = "s-" + Guid.NewGuid().ToString("N"), EventSequence = 0 }
        : s).EventSessionId!;

    /// <summary>Hands out <paramref name="count"/> consecutive sequence numbers and saves them; returns the first.</summary>
    public long Reserve(int count)
    {
        _ = Id;
        var next = state.Update(s => s with { EventSequence = s.EventSequence + count });
        return next.EventSequence - count + 1;
    }
}
