using DockFlare.Core.State;
using StackExchange.Redis;

namespace DockFlare.Modules.State.Tests;

/// <summary>The contract on the real Redis; the database is flushed before each test (tests in a class run one at a time).</summary>
public sealed class RedisStateStoreContractTests : StateStoreContractTests
{
    private ConnectionMultiplexer? _redis;

    private protected override IStateStore OpenStore() =>
        new RedisStateStore(_redis!, TestRedis.ContractDatabase, MaxChangeLogLength);

    public override async Task InitializeAsync()
    {
        _redis = await TestRedis.ConnectAsync(TestRedis.ContractDatabase);
        await TestRedis.FlushAsync(_redis, TestRedis.ContractDatabase);
    }

    public override async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
