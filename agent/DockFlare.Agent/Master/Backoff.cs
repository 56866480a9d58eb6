namespace DockFlare.Agent.Master;

/// <summary>
/// Capped exponential backoff with full jitter: after the n-th consecutive failure the delay is uniform in
/// [0, min(cap, initial × 2^(n-1))]. A <c>Retry-After</c> from the master replaces it (cut to a sane maximum).
/// </summary>
/// <remarks>Full jitter spreads many agents that lost the same master over the whole window, so they do not return in step.</remarks>
internal sealed class Backoff(TimeSpan initial, TimeSpan cap, TimeSpan retryAfterCap, Func<double> random)
{
    private int _failures;

    public Backoff(AgentTimings timings)
        : this(timings.RetryInitial, timings.RetryCap, timings.RetryAfterCap, Random.Shared.NextDouble)
    {
    }

    /// <summary>Consecutive failures since the last <see cref="Reset"/>.</summary>
    public int Failures => _failures;

    /// <summary>The upper bound of the next delay (before jitter), for logs.</summary>
    public TimeSpan Ceiling => Bound(_failures + 1);

    /// <summary>Counts a failure and returns how long to wait before the next attempt.</summary>
    public TimeSpan Next(TimeSpan? retryAfter = null)
    {
        _failures = Math.Min(_failures + 1, 62);
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < retryAfterCap ? asked : retryAfterCap;
        }

        return TimeSpan.FromTicks((long)(Bound(_failures).Ticks * random()));
    }

    /// <summary>A success: the next failure starts again from <c>initial</c>.</summary>
    public void Reset() => _failures = 0;

    private TimeSpan Bound(int failures)
    {
        var exponent = Math.Min(failures - 1, 30);
        var ticks = initial.Ticks * Math.Pow(2, exponent);
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
