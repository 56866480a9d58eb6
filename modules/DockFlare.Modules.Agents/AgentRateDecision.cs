namespace DockFlare.Modules.Agents;

/// <summary>The answer of <see cref="IAgentRateLimiter"/>.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="RetryAfter">When refused: how long until the next request is allowed (at least a second).</param>
public sealed record AgentRateDecision(bool Allowed, TimeSpan RetryAfter)
{
    /// <summary>An allowed request.</summary>
    public static AgentRateDecision Allow { get; } = new(true, TimeSpan.Zero);

    /// <summary>The <c>Retry-After</c> header value: whole seconds, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
}
