using DockFlare.Core.State;
using StackExchange.Redis;

namespace DockFlare.Modules.State.Tests;

/// <summary>What only the Redis store has: its schema key and values written by something else.</summary>
public sealed class RedisStateStoreTests : IAsyncLifetime
{
    private ConnectionMultiplexer? _redis;

    private IDatabase Db => _redis!.GetDatabase(TestRedis.RedisStoreDatabase);

    private RedisStateStore Open() => new(_redis!, TestRedis.RedisStoreDatabase, 100);

    public async Task InitializeAsync()
    {
        _redis = await TestRedis.ConnectAsync(TestRedis.RedisStoreDatabase);
        await TestRedis.FlushAsync(_redis, TestRedis.RedisStoreDatabase);
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task FirstUse_EmptyDatabase_StampsTheCurrentSchemaVersion()
    {
        await Open().ListSettingsAsync();

        Assert.Equal(StateSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (string?)await Db.StringGetAsync("dockflare:state:schema"));
    }

    [Fact]
    public async Task FirstUse_NewerSchemaStored_ThrowsSchemaErrorAndWritesNothing()
    {
        await Db.StringSetAsync("dockflare:state:schema", StateSchema.CurrentVersion + 1);

        var error = await Assert.ThrowsAsync<StateSchemaException>(() =>
            Open().SetSettingAsync(new SettingEntry("k", "v", false)));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        Assert.False(await Db.KeyExistsAsync("dockflare:state:settings"));
    }

    [Fact]
    public async Task ListGrace_DeadlineClearedBetweenTheIndexAndTheRecordRead_IsLeftOutNotCorrupt()
    {
        // The interleaving seen under load: the time index still names an owner whose record a concurrent clear removed.
        var store = Open();
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("kept", 5));
        await Db.SortedSetAddAsync("dockflare:state:grace", "cleared", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var deadlines = await store.ListGraceDeadlinesAsync();

        Assert.Equal(["kept"], deadlines.Select(d => d.OwnerKey));
    }

    [Fact]
    public async Task GetSetting_ValueThatIsNotJson_ThrowsCorruptedNamingTheKey()
    {
        await Db.HashSetAsync("dockflare:state:settings", "k", "{\"key\":\"k\",");

        var error = await Assert.ThrowsAsync<StateCorruptedException>(() => Open().GetSettingAsync("k"));

        Assert.Contains("dockflare:state:settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceRoutes_Always_KeepsEveryKeyUnderTheStatePrefix()
    {
        var store = Open();
        await store.ReplaceRoutesAsync(RouteSourceKey.Local, StateSamples.FullSet(), 0);
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("o", 1));
        await store.PutOwnershipAsync(StateSamples.Ownership(OwnedObjectKind.Tunnel));
        await store.AppendChangeAsync(StateSamples.Change());

        var keys = _redis!.GetServer(_redis.GetEndPoints()[0]).Keys(TestRedis.RedisStoreDatabase).Select(k => k.ToString()).ToList();

        Assert.Equal(8, keys.Count);
        Assert.All(keys, key => Assert.StartsWith("dockflare:state:", key, StringComparison.Ordinal));
    }
}
