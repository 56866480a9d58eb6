using Autofac;
using DockFlare.Core.State;
using StackExchange.Redis;
using static DockFlare.Modules.Reconciliation.Tests.ReconcileBed;

namespace DockFlare.Modules.Reconciliation.Tests;

/// <summary>Redis mode: the state lives in Redis, and Redis going away and coming back loses nothing.</summary>
public sealed class RedisRestartTests
{
    [Fact]
    public async Task Reconcile_RedisRestarts_NothingIsLostAndNothingIsRewritten()
    {
        await using var redis = await PrivateRedis.StartAsync();
        await using var connection = await redis.ConnectAsync();
        await using var bed = await StartAsync(configure: b => b.RegisterInstance(connection).As<IConnectionMultiplexer>().ExternallyOwned());
        await bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80")),
            Container("old", Labels("old.example.com", "http://old:80")));
        await bed.ListLocalAsync(
            Container("web", Labels("web.example.com", "http://web:80")),
            Container("old", Labels("old.example.com", "http://old:80"), running: false));
        await bed.ReconcileAsync();
        var changesBefore = await bed.Store.ReadChangesAsync(null, 100);
        Assert.NotEmpty(changesBefore);

        await redis.StopServerAsync();
        var during = await bed.Reconciler.ReconcileAsync("while Redis is away", CancellationToken.None);
        Assert.False(during.Succeeded); // reported, not thrown
        await redis.StartServerAsync();
        await WaitConnectedAsync(connection);

        var local = (await bed.Store.GetRoutesAsync(RouteSourceKey.Local)).Routes.Containers;
        Assert.Equal(["local/old", "local/web"], local.Select(c => c.OwnerKey));
        Assert.Single(await bed.Store.ListGraceDeadlinesAsync());
        Assert.Equal(changesBefore.Count, (await bed.Store.ReadChangesAsync(null, 100)).Count);
        var mark = bed.LastSequence;
        await bed.ReconcileAsync("after Redis came back");
        Assert.Empty(bed.WritesSince(mark));
    }

    private static async Task WaitConnectedAsync(ConnectionMultiplexer connection)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                await connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
