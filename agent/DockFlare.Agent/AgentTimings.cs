namespace DockFlare.Agent;

/// <summary>
/// The agent's fixed pacing. Not settings a user changes (the master sends the intervals that matter); tests shorten them
/// through <see cref="Composition.AgentHostBuilder"/>.
/// </summary>
internal sealed record AgentTimings
{
    /// <summary>How often cloudflared is checked (and recreated when missing, stopped or out of date) while it should run.</summary>
    public TimeSpan SuperviseInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry delay after a transient master failure; it doubles up to <see cref="RetryCap"/>.</summary>
    public TimeSpan RetryInitial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay after transient master failures (full jitter below it).</summary>
    public TimeSpan RetryCap { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>Retry-After</c> the agent obeys; a longer one is cut to this.</summary>
    public TimeSpan RetryAfterCap { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Events are sent at most this long after the first one of a batch arrived.</summary>
    public TimeSpan EventFlushDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A batch is sent at once when it holds this many events.</summary>
    public int EventBatchSize { get; init; } = 100;

    /// <summary>
    /// The least time between two command polls that brought nothing: a master (or a proxy before it) that answers the
    /// long poll at once must not make the agent poll in a tight loop.
    /// </summary>
    public TimeSpan MinPollSpacing { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The time a request other than the long poll may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Added to the long poll's <c>wait</c> before the agent gives up on an answer.</summary>
    public TimeSpan PollGrace { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long shutdown waits for a command in progress and its acknowledgement.</summary>
    public TimeSpan ShutdownAckWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the "key rejected" error is repeated while the agent waits for an admin.</summary>
    public TimeSpan KeyRejectedRepeat { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The master's contact age under which the agent is healthy.</summary>
    public TimeSpan HealthyContact { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The master's contact age under which the agent is at worst degraded.</summary>
    public TimeSpan DegradedContact { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The interface <c>/health</c> listens on: <c>+</c> (every interface) in a container; tests use loopback.</summary>
    public string HealthListenHost { get; init; } = "+";
}
