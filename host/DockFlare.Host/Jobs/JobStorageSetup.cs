using DockFlare.Host.Configuration;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using StackExchange.Redis;

namespace DockFlare.Host.Jobs;

/// <summary>Hangfire on Redis when <c>REDIS_URL</c> is set, otherwise on the embedded in-process storage.</summary>
internal static class JobStorageSetup
{
    public const string RedisKeyPrefix = "dockflare:";

    public static IServiceCollection AddDockFlareJobs(this IServiceCollection services, RedisSettings redis, Serilog.ILogger log)
    {
        JobStorage storage;
        if (redis.IsConfigured)
        {
            var connection = redis.Connection;
            log.Information("Storage: Redis at {RedisUrl}", connection.ToString());

            // AbortOnConnectFail is off: a Redis that is down at start is retried in the background and
            // reported by /readyz instead of stopping the master.
            var multiplexer = ConnectionMultiplexer.Connect(connection.ToConfigurationOptions());
            services.AddSingleton<IConnectionMultiplexer>(multiplexer);
            services.AddSingleton(connection);
            storage = new RedisStorage(multiplexer, new RedisStorageOptions { Prefix = RedisKeyPrefix, Db = connection.Database });
        }
        else
        {
            log.Information("Storage: embedded (no REDIS_URL); Hangfire jobs run in-process");
            storage = new InMemoryStorage();
        }

        // The storage is registered as this host's own instance before AddHangfire, whose default falls back
        // to the process-wide JobStorage.Current; several hosts in one process (tests) must not share it.
        services.AddSingleton(storage);
        services.AddHangfire(config => Common(config).UseStorage(storage));

        services.AddHangfireServer(options =>
        {
            options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
        });
        services.AddTransient<RecurringJobDispatcher>();
        services.AddHostedService<RecurringJobScheduler>();
        return services;
    }

    private static IGlobalConfiguration Common(IGlobalConfiguration config) => config
        .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings();
}
