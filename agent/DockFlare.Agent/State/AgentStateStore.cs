using DockFlare.Agent.Cloudflared;

namespace DockFlare.Agent.State;

/// <summary>
/// The agent's last-known state in memory, saved to <see cref="AgentStateFile"/> on every change. All changes go through
/// <see cref="Update"/>, one at a time.
/// </summary>
/// <remarks>
/// A save that fails (a full disk, a read-only volume) is logged and the agent keeps running on the state in memory: the
/// tunnel keeps serving; what is lost is only the ability to restart without the master.
/// </remarks>
internal sealed class AgentStateStore : IAgentIdentity
{
    private readonly AgentStateFile _file;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private AgentState _current;
    private bool _saveFailing;

    public AgentStateStore(AgentStateFile file, ILogger<AgentStateStore> log)
    {
        _file = file;
        _log = log;
        _current = file.Load();
    }

    /// <summary>The current state (an immutable snapshot).</summary>
    public AgentState Current => Volatile.Read(ref _current);

    /// <summary>The id the master gave this agent; null before the first registration.</summary>
    public string? AgentId => Current.AgentId;

    /// <summary>Applies <paramref name="change"/> and saves the result when it differs; returns the new state.</summary>
    public AgentState Update(Func<AgentState, AgentState> change)
    {
        lock (_gate)
        {
            var next = change(_current);
            if (ReferenceEquals(next, _current) || next.Equals(_current) && next.RecentCommands.SequenceEqual(_current.RecentCommands))
            {
                return _current;
            }

            Volatile.Write(ref _current, next);
            Save(next);
            return next;
        }
    }

    private void Save(AgentState state)
    {
        try
        {
            _file.Save(state);
            if (_saveFailing)
            {
                _saveFailing = false;
                _log.LogInformation("The agent state is saved again to {StatePath}", _file.Path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_saveFailing)
            {
                _saveFailing = true;
                _log.LogError(
                    "The agent state cannot be saved to {StatePath} ({Reason}): the agent keeps running, but after a restart it would not remember its id, tunnel or commands. Check that DATA_DIR is writable by the agent's user",
                    _file.Path, ex.Message);
            }
        }
    }
}
