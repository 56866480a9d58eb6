using System.Collections.Concurrent;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.State;

/// <summary>
/// The lock of the embedded (file) mode, where one master owns its data folder: a semaphore per
/// name inside this process.
/// </summary>
internal sealed class ProcessDistributedLock : IDistributedLock
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var semaphore = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await semaphore.WaitAsync(wait, cancellationToken).ConfigureAwait(false) ? new Handle(semaphore) : null;
    }

    private sealed class Handle(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
