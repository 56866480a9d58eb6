using System.Globalization;
using StackExchange.Redis;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// A redis-server of the scenario's own on a free loopback port, persisting every write to its append-only file
/// (<c>appendfsync always</c>), so it can be killed and started again on the same port and folder with nothing lost.
/// </summary>
internal sealed class PrivateRedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private ChildProcess? _server;

    private PrivateRedisServer(string folder) => _folder = folder;

    public int Port { get; } = LoopbackPort.Free();

    /// <summary>The URL the master is given (<c>REDIS_URL</c>).</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"redis://127.0.0.1:{Port}");

    public static async Task<PrivateRedisServer> StartAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var redis = new PrivateRedisServer(folder);
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts the server (again) on the same port and folder: it loads its append-only file.</summary>
    public async Task StartAgainAsync()
    {
        _server = ChildProcess.Start("redis", "redis-server",
            [
                "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder,
                "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no",
            ],
            new Dictionary<string, string>(),
            Path.Combine(_folder, "redis.log"));
        await Eventually.TrueAsync(() => LoopbackPort.AcceptsAsync(Port), $"redis-server to listen on {Port}", TimeSpan.FromSeconds(20));
    }

    /// <summary>Kills the server (SIGKILL): no shutdown, no final save.</summary>
    public Task KillAsync() => _server?.KillAsync() ?? Task.CompletedTask;

    /// <summary>Sets one field of a hash (the test's way to write what no API writes yet).</summary>
    public async Task HashSetAsync(string key, string field, string value)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port}");
        await connection.GetDatabase().HashSetAsync(key, field, value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
