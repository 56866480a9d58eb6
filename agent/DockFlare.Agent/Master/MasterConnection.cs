namespace DockFlare.Agent.Master;

/// <summary>
/// What the agent knows about its link to the master: the last contact, whether calls fail now, the intervals it asked
/// for, and whether it refused the key or removed the agent. <see cref="MasterClient"/> records every answer here;
/// <c>/health</c> and the loops read it.
/// </summary>
/// <remarks>
/// Reachability changes are logged once per change (a warning when the master stops answering, information when it
/// answers again), so an outage of an hour is two lines, not one per retry. Each return after an outage wakes
/// <see cref="InventoryNeeded"/>: the master may have missed events meanwhile.
/// </remarks>
internal sealed class MasterConnection(TimeProvider clock, ILogger<MasterConnection> log) : IDisposable
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastContact;
    private DateTimeOffset? _failingSince;
    private MasterIntervals _intervals = MasterIntervals.Default;

    /// <summary>When the agent started: the baseline of the contact age before the first answer.</summary>
    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();

    /// <summary>The last time the master answered (any status but 5xx/timeouts), or null before its first answer.</summary>
    public DateTimeOffset? LastContact
    {
        get
        {
            lock (_gate)
            {
                return _lastContact;
            }
        }
    }

    /// <summary>Whether the last call reached the master.</summary>
    public bool Reachable
    {
        get
        {
            lock (_gate)
            {
                return _lastContact is not null && _failingSince is null;
            }
        }
    }

    /// <summary>The master refused the key (401/403): nothing is sent any more until the agent restarts with another key.</summary>
    public bool KeyRejected { get; private set; }

    /// <summary>The master removed this agent (410): nothing is sent any more.</summary>
    public bool Removed { get; private set; }

    /// <summary>The agent's status on the master (<c>pending</c>, <c>enrolled</c>...), as last answered.</summary>
    public string? AgentStatus { get; private set; }

    /// <summary>The intervals the master asked for last.</summary>
    public MasterIntervals Intervals
    {
        get
        {
            lock (_gate)
            {
                return _intervals;
            }
        }
    }

    /// <summary>Woken after the master answers again following an outage (and after registration).</summary>
    public WakeSignal InventoryNeeded { get; } = new();

    public void Dispose() => InventoryNeeded.Dispose();

    /// <summary>Records an answer from the master.</summary>
    public void RecordContact()
    {
        DateTimeOffset? outageSince;
        lock (_gate)
        {
            outageSince = _failingSince;
            _failingSince = null;
            _lastContact = clock.GetUtcNow();
        }

        if (outageSince is { } since)
        {
            log.LogInformation("The master answers again after {OutageSeconds:0} s without it: sending the full inventory",
                (clock.GetUtcNow() - since).TotalSeconds);
            InventoryNeeded.Set();
        }
    }

    /// <summary>Records a transient failure (unreachable, timeout, 5xx).</summary>
    public void RecordFailure(string reason)
    {
        lock (_gate)
        {
            if (_failingSince is not null)
            {
                return;
            }

            _failingSince = clock.GetUtcNow();
        }

        log.LogWarning("The master does not answer ({Reason}): retrying with backoff; cloudflared keeps running as it is", reason);
    }

    /// <summary>Adopts the intervals the master answered.</summary>
    public void Follow(MasterIntervals? intervals, string? agentStatus)
    {
        lock (_gate)
        {
            if (intervals is not null)
            {
                _intervals = intervals.Sanitised();
            }
        }

        if (agentStatus is not null && agentStatus != AgentStatus)
        {
            if (AgentStatus is not null)
            {
                log.LogInformation("The master now lists this agent as {AgentStatus}", agentStatus);
            }

            AgentStatus = agentStatus;
        }
    }

    public void MarkKeyRejected() => KeyRejected = true;

    public void MarkRemoved() => Removed = true;
}
