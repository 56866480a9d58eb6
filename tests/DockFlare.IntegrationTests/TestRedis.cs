using DockFlare.Testing;
using StackExchange.Redis;

namespace DockFlare.IntegrationTests;

/// <summary>
/// The test Redis. Each test class takes its own database number, flushed before use, so that classes
/// running in parallel never see each other's keys.
/// </summary>
internal static class TestRedis
{
    public const int HangfireDatabase = 1;
    public const int HostDatabase = 2;

    public static async Task<ConnectionMultiplexer> ConnectAndFlushAsync(int database)
    {
        var url = new Uri(TestInfrastructure.RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true, DefaultDatabase = database };
        options.EndPoints.Add(url.Host, url.Port);
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await connection.GetServer(connection.GetEndPoints()[0]).FlushDatabaseAsync(database);
        return connection;
    }
}
