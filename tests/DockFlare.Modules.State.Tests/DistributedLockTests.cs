using DockFlare.Core.Reconciliation;
using StackExchange.Redis;

namespace DockFlare.Modules.State.Tests;

/// <summary>The reconcile lock: one holder across replicas (Redis) or inside one process (files).</summary>
public sealed class DistributedLockTests : IAsyncLifetime
{
    private ConnectionMultiplexer? _first;
    private ConnectionMultiplexer? _second;

    public async Task InitializeAsync()
    {
        // A database of its own: another class flushes the module database while these locks are held.
        _first = await TestRedis.ConnectAsync(TestRedis.LockDatabase);
        _second = await TestRedis.ConnectAsync(TestRedis.LockDatabase);
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
    }

    private static string UniqueName() => "test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task RedisLock_TwoReplicas_OnlyOneHoldsIt()
    {
        var name = UniqueName();
        var replicaA = new RedisDistributedLock(_first!, TimeProvider.System);
        var replicaB = new RedisDistributedLock(_second!, TimeProvider.System);

        await using var held = await replicaA.TryAcquireAsync(name, TimeSpan.Zero, CancellationToken.None);
        var other = await replicaB.TryAcquireAsync(name, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.NotNull(held);
        Assert.Null(other);
    }

    [Fact]
    public async Task RedisLock_Released_NextReplicaGetsIt()
    {
        var name = UniqueName();
        var replicaA = new RedisDistributedLock(_first!, TimeProvider.System);
        var replicaB = new RedisDistributedLock(_second!, TimeProvider.System);
        var held = await replicaA.TryAcquireAsync(name, TimeSpan.Zero, CancellationToken.None);

        var waiting = replicaB.TryAcquireAsync(name, TimeSpan.FromSeconds(5), CancellationToken.None);
        await held!.DisposeAsync();
        await using var next = await waiting;

        Assert.NotNull(next);
    }

    [Fact]
    public async Task RedisLock_HeldLongerThanLease_IsRenewed()
    {
        var name = UniqueName();
        var lease = TimeSpan.FromSeconds(4); // whole seconds (Redis extends locks in seconds), with room for a busy test machine
        var replicaA = new RedisDistributedLock(_first!, TimeProvider.System, lease);
        var replicaB = new RedisDistributedLock(_second!, TimeProvider.System, lease);
        await using var held = await replicaA.TryAcquireAsync(name, TimeSpan.Zero, CancellationToken.None);

        await Task.Delay(lease * 2.5);

        Assert.Null(await replicaB.TryAcquireAsync(name, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task RedisLock_HolderCrashed_LeaseExpiresAndAnotherReplicaTakesIt()
    {
        var name = UniqueName();
        var lease = TimeSpan.FromMilliseconds(500);

        // A holder that never renews nor releases: the key as a crashed replica leaves it.
        Assert.True(await _first!.GetDatabase().LockTakeAsync("dockflare:lock:" + name, "crashed", lease));
        var replicaB = new RedisDistributedLock(_second!, TimeProvider.System, lease);

        await using var taken = await replicaB.TryAcquireAsync(name, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.NotNull(taken);
    }

    [Fact]
    public async Task ProcessLock_SecondCaller_WaitsForTheFirst()
    {
        var locks = new ProcessDistributedLock();
        var held = await locks.TryAcquireAsync("reconcile", TimeSpan.Zero, CancellationToken.None);

        Assert.Null(await locks.TryAcquireAsync("reconcile", TimeSpan.FromMilliseconds(50), CancellationToken.None));
        await held!.DisposeAsync();
        await held.DisposeAsync(); // a second dispose must not release someone else's hold
        await using var next = await locks.TryAcquireAsync("reconcile", TimeSpan.Zero, CancellationToken.None);
        Assert.NotNull(next);
        Assert.Null(await locks.TryAcquireAsync("reconcile", TimeSpan.Zero, CancellationToken.None));
    }
}
