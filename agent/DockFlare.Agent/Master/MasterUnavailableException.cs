namespace DockFlare.Agent.Master;

/// <summary>
/// A transient failure: the master could not be reached, timed out, answered 5xx, or asked to slow down (429/503). The
/// call is retried with backoff, or after <see cref="RetryAfter"/> when the master gave one.
/// </summary>
internal sealed class MasterUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : MasterException(message, inner)
{
    /// <summary>The master's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
