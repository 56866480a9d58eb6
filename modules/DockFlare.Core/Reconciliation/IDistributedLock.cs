namespace DockFlare.Core.Reconciliation;

/// <summary>
/// A named lock held by at most one holder across every master replica sharing the state store
/// (a Redis lock in Redis mode, a process-wide lock otherwise).
/// </summary>
public interface IDistributedLock
{
    /// <summary>
    /// Takes the lock <paramref name="name"/>, waiting at most <paramref name="wait"/>. The lease is
    /// renewed while held, so a long reconcile keeps it; a crashed holder's lease expires.
    /// </summary>
    /// <returns>A handle that releases the lock when disposed, or null when it could not be taken in time.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan wait, CancellationToken cancellationToken);
}
