namespace DockFlare.Plugins.Abstractions;

/// <summary>The lifecycle events of containers on one engine (the Docker provider implements it).</summary>
public interface IContainerEventSource
{
    /// <summary>
    /// Streams container events until <paramref name="cancellationToken"/> is cancelled. The stream never
    /// ends on its own: when the engine's stream breaks or the engine restarts, it is reopened from the last
    /// event seen (with backoff), so no event in the gap is lost and none is delivered twice.
    /// </summary>
    /// <param name="anyOfLabelKeys">Only containers carrying one of these labels; empty means every container.</param>
    /// <param name="since">Replay events from this time; null starts from now.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    IAsyncEnumerable<ContainerEvent> WatchAsync(
        IReadOnlyCollection<string> anyOfLabelKeys,
        DateTimeOffset? since,
        CancellationToken cancellationToken);
}
