namespace DockFlare.Agent;

/// <summary>A wake-up call that coalesces: any number of <see cref="Set"/> before a wait wake one waiter once.</summary>
internal sealed class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already set: the waiter wakes once for all of them.
        }
    }

    public void Dispose() => _semaphore.Dispose();

    /// <summary>Clears a pending wake-up without waiting.</summary>
    public void Reset() => _semaphore.Wait(0);

    /// <summary>Waits until <see cref="Set"/> or <paramref name="timeout"/>; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout, cancellationToken);
}
