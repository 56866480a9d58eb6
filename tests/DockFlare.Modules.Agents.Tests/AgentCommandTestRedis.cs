using DockFlare.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>
/// The Redis started by scripts/test.sh, for the command-stream tests: databases 28-30, one per test
/// class, so classes running in parallel never see each other's keys.
/// </summary>
internal static class AgentCommandTestRedis
{
    public const int StreamDatabase = 28;
    public const int TokenDatabase = 29;
    public const int ReplicaDatabase = 30;

    public static async Task<ConnectionMultiplexer> ConnectAsync(int database)
    {
        var url = new Uri(TestInfrastructure.RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true, DefaultDatabase = database };
        options.EndPoints.Add(url.Host, url.Port);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public static Task FlushAsync(IConnectionMultiplexer redis, int database) =>
        redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(database);

    /// <summary>A command store with no Cloudflare (tunnel commands are held back) unless a resolver is given.</summary>
    public static RedisAgentCommands Commands(IConnectionMultiplexer redis, AgentCommandSettings? settings = null, AgentTokenResolver? secrets = null) =>
        new(redis, -1, secrets ?? NoSecrets(), TimeProvider.System, settings ?? Fast, NullLogger<RedisAgentCommands>.Instance);

    public static AgentTokenResolver NoSecrets() =>
        new(null, null, TimeProvider.System, NullLogger<AgentTokenResolver>.Instance);

    /// <summary>Short timeouts so the tests see redelivery without waiting minutes.</summary>
    public static AgentCommandSettings Fast { get; } = new() { ReceivedRedeliveryAfter = TimeSpan.FromMilliseconds(400), RecheckInterval = TimeSpan.FromMilliseconds(500) };

    public static string NewAgentId() => "agent-" + Guid.NewGuid().ToString("N")[..12];

    public static CancellationToken Ct => CancellationToken.None;
}
