using DockFlare.Testing;
using StackExchange.Redis;

namespace DockFlare.Modules.State.Tests;

/// <summary>
/// The Redis started by scripts/test.sh. This project owns databases 20-29; each test class takes its
/// own so that classes running in parallel never see each other's keys.
/// </summary>
internal static class TestRedis
{
    public const int ContractDatabase = 20;
    public const int RedisStoreDatabase = 21;
    public const int ModuleDatabase = 22;
    public const int LockDatabase = 23;

    public static async Task<ConnectionMultiplexer> ConnectAsync(int database)
    {
        var url = new Uri(TestInfrastructure.RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true, DefaultDatabase = database };
        options.EndPoints.Add(url.Host, url.Port);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public static Task FlushAsync(IConnectionMultiplexer redis, int database) =>
        redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(database);
}
