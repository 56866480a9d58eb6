namespace DockFlare.Agent.State;

/// <summary>
/// What the agent remembers across restarts (<c>DATA_DIR/agent-state.json</c>): enough to bring cloudflared back without
/// the master, to keep its identity, and to not run a redelivered command twice.
/// </summary>
internal sealed record AgentState
{
    /// <summary>How many executed command ids are remembered.</summary>
    public const int CommandRingSize = 200;

    /// <summary>The file format; a file of a newer format is treated as unreadable (moved aside).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The id the master gave this agent; null before the first registration.</summary>
    public string? AgentId { get; init; }

    /// <summary>The tunnel the master assigned; null before enrolment or after a stop or removal.</summary>
    public TunnelAssignment? Tunnel { get; init; }

    /// <summary>Whether cloudflared should run.</summary>
    public TunnelDesiredState DesiredState { get; init; }

    /// <summary>The image an <c>update_image</c> command chose; null means <c>CLOUDFLARED_IMAGE</c>.</summary>
    public string? ImageOverride { get; init; }

    /// <summary>The last <see cref="CommandRingSize"/> commands executed, oldest first.</summary>
    public IReadOnlyList<CommandRecord> RecentCommands { get; init; } = [];

    /// <summary>The session the event sequence numbers belong to.</summary>
    public string? EventSessionId { get; init; }

    /// <summary>The last event sequence number handed out in <see cref="EventSessionId"/>.</summary>
    public long EventSequence { get; init; }

    /// <summary>Whether cloudflared should be running from this state alone (a tunnel is assigned and desired running).</summary>
    public bool WantsTunnelRunning => DesiredState == TunnelDesiredState.Running && Tunnel is not null;

    /// <summary>The recorded outcome of command <paramref name="commandId"/>, or null when it was not executed (recently).</summary>
    public CommandRecord? FindCommand(string commandId) =>
        RecentCommands.LastOrDefault(c => string.Equals(c.Id, commandId, StringComparison.Ordinal));

    /// <summary>This state with <paramref name="record"/> added to the ring (the oldest dropped beyond its size).</summary>
    public AgentState WithCommand(CommandRecord record)
    {
        var list = RecentCommands.Where(c => !string.Equals(c.Id, record.Id, StringComparison.Ordinal)).Append(record).ToList();
        return this with { RecentCommands = list.Count > CommandRingSize ? list[^CommandRingSize..] : list };
    }
}
