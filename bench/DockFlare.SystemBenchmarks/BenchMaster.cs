using DockFlare.Host;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// The real master, built by the same code as its <c>Program</c>, listening on a free loopback port, with an admin
/// client. Each benchmark starts its own on a fresh data folder.
/// </summary>
internal sealed class BenchMaster : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly string _dataDir;

    private BenchMaster(WebApplication app, Uri baseAddress, string dataDir)
    {
        _app = app;
        _dataDir = dataDir;
        BaseAddress = baseAddress;
        Admin = new AdminClient(baseAddress, AdminKey);
    }

    public Uri BaseAddress { get; }

    public AdminClient Admin { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Settings on top of the benchmark defaults (quiet logs, no local Docker engine).</param>
    public static async Task<BenchMaster> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dataDir = Directory.CreateTempSubdirectory("dockflare-bench-master-").FullName;
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DATA_DIR"] = dataDir,
            ["DOCKFLARE_API_KEY"] = AdminKey,
            ["LOG_LEVEL"] = Environment.GetEnvironmentVariable("BENCH_LOG_LEVEL") ?? "ERROR",
            // No local engine unless a benchmark gives one: routes come from agents and manual rules.
            ["DOCKER_HOST"] = "unix://" + Path.Combine(dataDir, "no-engine.sock"),
            ["DOCKER_SOURCE_ENABLED"] = "false",
            ["GRACE_PERIOD_SECONDS"] = "600",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var args = new List<string> { "--urls=http://127.0.0.1:0" };
        args.AddRange(all.Select(s => $"--{s.Key}={s.Value}"));
        var app = DockFlareApp.Build([.. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchMaster(app, new Uri(address.TrimEnd('/') + "/"), dataDir);
    }

    /// <summary>A client for the agent API with an agent key.</summary>
    public HttpClient AgentClient(string agentKey) => SimulatedAgent.Client(BaseAddress, agentKey);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the machine.
        }
    }
}
