using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Host;
using DockFlare.Testing;
using Microsoft.AspNetCore.Builder;
using StackExchange.Redis;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>
/// The real master (built by the same code as <c>Program</c>) on a fixed loopback port, on Redis and a kept
/// <c>DATA_DIR</c>, so it can be stopped and started again on the same address and state while the agent keeps running.
/// Cloudflare is an emulator that outlives the master (sandbox mode would start a fresh one with every master). The master
/// loads the Cloudflare provider only and has no local Docker source: the engine's containers are the agent's.
/// </summary>
internal sealed class EndToEndMaster : IAsyncDisposable
{
    public const string AdminKey = "e2e-agent-admin-key-0123456789abcdef";

    private readonly RunningEmulator _emulator;
    private readonly string _dataDirectory;
    private readonly int _redisDatabase;
    private readonly string _suffix;
    private WebApplication? _app;

    private EndToEndMaster(RunningEmulator emulator, string dataDirectory, int redisDatabase, string suffix)
    {
        _emulator = emulator;
        _dataDirectory = dataDirectory;
        _redisDatabase = redisDatabase;
        _suffix = suffix;
        Port = FreePort();
        Client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    /// <summary>The address the agent is given (<c>DOCKFLARE_MASTER_URL</c>); the same across restarts.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public HttpClient Client { get; }

    public bool IsRunning => _app is not null;

    /// <summary>Flushes the Redis database, then starts the master.</summary>
    public static async Task<EndToEndMaster> StartAsync(RunningEmulator emulator, string dataDirectory, int redisDatabase, string suffix)
    {
        var url = new Uri(TestInfrastructure.RedisUrl);
        using (var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { AllowAdmin = true, EndPoints = { { url.Host, url.Port } } }))
        {
            await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(redisDatabase);
        }

        var master = new EndToEndMaster(emulator, dataDirectory, redisDatabase, suffix);
        await master.StartAgainAsync();
        return master;
    }

    /// <summary>Starts the master (again) on the same port, Redis database and data directory.</summary>
    public async Task StartAgainAsync()
    {
        Assert.Null(_app);
        var redis = new Uri(TestInfrastructure.RedisUrl);
        string[] args =
        [
            $"--urls={Url.AbsoluteUri.TrimEnd('/')}",
            $"--DATA_DIR={_dataDirectory}",
            $"--PLUGINS_DIR={Path.Combine(AppContext.BaseDirectory, "plugins")}",
            $"--REDIS_URL=redis://{redis.Host}:{redis.Port}/{_redisDatabase}",
            $"--DOCKFLARE_API_KEY={AdminKey}",
            $"--CF_API_BASE_URL={_emulator.BaseUrl.AbsoluteUri}",
            $"--CF_API_TOKEN={_emulator.Token}",
            $"--CF_ACCOUNT_ID={_emulator.AccountId}",
            "--CF_API_RETRY_BASE_DELAY_MS=10",
            "--DOCKER_SOURCE_ENABLED=false",
            "--TUNNEL_NAME=e2e-master-" + _suffix,
            "--AGENT_HEARTBEAT_TIMEOUT=10",
            "--RECONCILE_DEBOUNCE_MS=100",
            "--LOG_LEVEL=WARNING",
        ];
        var app = DockFlareApp.Build(args);
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops the master; Redis, the data directory and the emulator keep its state.</summary>
    public async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Sends a request with the admin key and an optional JSON body; returns the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Generates an agent key (<c>dfa_…</c>) through the admin API.</summary>
    public async Task<string> NewAgentKeyAsync(string label)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v2/agent-keys", new { label });
        Assert.Equal(HttpStatusCode.Created, status);
        return body.GetProperty("secret").GetString()!;
    }

    /// <summary>The agents the master lists (views, as <see cref="AgentAsync"/>).</summary>
    public async Task<IReadOnlyList<JsonElement>> AgentsAsync()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/v2/agents");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. body.GetProperty("agents").EnumerateArray()];
    }

    /// <summary>One agent's view: <c>agent</c> (the record: status, tunnelId...), <c>liveness</c>, <c>reportedContainers</c>.</summary>
    public async Task<JsonElement> AgentAsync(string agentId)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/api/v2/agents/{agentId}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("agent");
    }

    /// <summary>Enrols an agent on a tunnel the master creates, publishing in <paramref name="zone"/>; returns the tunnel id.</summary>
    public async Task<string> EnrolAsync(string agentId, string zone)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, $"/api/v2/agents/{agentId}/enrol", new { createTunnel = true, scopes = new { zones = new[] { zone } } });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("agent").GetProperty("tunnelId").GetString()!;
    }

    /// <summary>The publication status of <paramref name="hostname"/> (<c>active</c>, <c>pendingDeletion</c>...), null when not desired.</summary>
    public async Task<string?> RouteStatusAsync(string hostname)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/api/v2/routes");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("routes").EnumerateArray()
            .Where(r => r.GetProperty("route").GetProperty("hostname").GetString() == hostname)
            .Select(r => r.GetProperty("status").GetString())
            .FirstOrDefault();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
