using StackExchange.Redis;

namespace DockFlare.SystemBenchmarks;

/// <summary>What bench/run.sh gives the benchmarks: its private Redis (and dockerd), and where the repository is.</summary>
internal sealed record BenchSettings(string RedisUrl, string? DockerHost, string RepoRoot)
{
    public static BenchSettings FromEnvironment()
    {
        var redis = Environment.GetEnvironmentVariable("BENCH_REDIS_URL")
            ?? throw new InvalidOperationException("BENCH_REDIS_URL is not set (bench/run.sh starts a private Redis and sets it).");
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DockFlare.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))
                ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }

        var docker = Environment.GetEnvironmentVariable("BENCH_DOCKER_HOST");
        return new BenchSettings(redis, string.IsNullOrEmpty(docker) ? null : docker, root);
    }

    /// <summary>An admin connection to the benchmark Redis (its own server: INFO and FLUSHDB are ours to use).</summary>
    public async Task<ConnectionMultiplexer> ConnectRedisAsync()
    {
        var url = new Uri(RedisUrl);
        var options = new ConfigurationOptions { AllowAdmin = true };
        options.EndPoints.Add(url.Host, url.Port);
        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    public async Task FlushRedisAsync()
    {
        using var redis = await ConnectRedisAsync();
        await redis.GetServer(redis.GetEndPoints()[0]).FlushAllDatabasesAsync();
    }
}
