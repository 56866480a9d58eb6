using DockFlare.Core.Reconciliation;
using StackExchange.Redis;

namespace DockFlare.Modules.State;

/// <summary>
/// A Redis lock (<c>SET NX PX</c> through StackExchange.Redis' LockTake) shared by every master
/// replica. The lease is renewed every third of its length while held, so a long reconcile keeps
/// it and a crashed holder's lease runs out.
/// </summary>
internal sealed class RedisDistributedLock(IConnectionMultiplexer redis, TimeProvider time, TimeSpan? lease = null) : IDistributedLock
{
    internal static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);
    // At least one second: the lease extension is second-grained in Redis, and a shorter lease would expire while renewed.
    private readonly TimeSpan _lease = lease is { } custom && custom >= TimeSpan.FromSeconds(1) ? custom : DefaultLease;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = (RedisKey)("dockflare:lock:" + name);
        var token = (RedisValue)Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        var deadline = time.GetUtcNow() + wait;
        while (true)
        {
            if (await db.LockTakeAsync(key, token, _lease).ConfigureAwait(false))
            {
                return new Handle(db, key, token, _lease);
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Handle : IAsyncDisposable
    {
        private readonly IDatabase _db;
        private readonly RedisKey _key;
        private readonly RedisValue _token;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;
        private readonly TimeSpan _lease;

        public Handle(IDatabase db, RedisKey key, RedisValue token, TimeSpan lease)
        {
            _db = db;
            _key = key;
            _token = token;
            _lease = lease;
            _renewal = RenewAsync(_stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewal.ConfigureAwait(false);
            _stop.Dispose();
            try
            {
                await _db.LockReleaseAsync(_key, _token).ConfigureAwait(false);
            }
            catch (RedisException)
            {
                // Redis is away: the lease expires on its own.
            }
        }

        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(_lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        await _db.LockExtendAsync(_key, _token, _lease).ConfigureAwait(false);
                    }
                    catch (RedisException)
                    {
                        // Keep trying: a short Redis restart must not drop a lock that is still valid.
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Released.
            }
        }
    }
}
