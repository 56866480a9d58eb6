using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using DockFlare.Host;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace DockFlare.Modules.Agents.Tests;

/// <summary>
/// The real master (sandbox Cloudflare emulator, Cloudflare plugin only, no local Docker source), on a
/// free loopback port, on the test Redis database <paramref name="database"/> (flushed first) or embedded.
/// </summary>
internal sealed class AgentMaster : IAsyncDisposable
{
    public const string AdminKey = "agents-admin-key-0123456789abcdef";

    private string _data = null!;
    private bool _ownsData = true;
    private WebApplication _app = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public IServiceProvider Services => _app.Services;

    public RunningEmulator Emulator => Services.GetRequiredService<RunningEmulator>();

    public ICloudflareTunnels Tunnels => Services.GetRequiredService<ICloudflareTunnels>();

    public ICloudflareDnsRecords Dns => Services.GetRequiredService<ICloudflareDnsRecords>();

    public string AccountId => Services.GetRequiredService<DockFlare.Core.Reconciliation.CloudflareAccount>().AccountId!;

    /// <summary>The master's DATA_DIR (the embedded store lives here without Redis).</summary>
    public string DataDirectory => _data;

    public static Task<AgentMaster> StartAsync(int? redisDatabase, params string[] settings) =>
        StartCoreAsync(redisDatabase, flush: true, dataDirectory: null, settings);

    /// <summary>Another master on the same Redis database as a running one (not flushed): a second replica.</summary>
    public static Task<AgentMaster> JoinAsync(int redisDatabase, params string[] settings) =>
        StartCoreAsync(redisDatabase, flush: false, dataDirectory: null, settings);

    /// <summary>A master on an existing DATA_DIR (a restart); it deletes the folder when disposed.</summary>
    public static Task<AgentMaster> StartOnAsync(string dataDirectory, int? redisDatabase, params string[] settings) =>
        StartCoreAsync(redisDatabase, flush: false, dataDirectory, settings);

    /// <summary>Keeps the DATA_DIR when this master is disposed (for a restart on it); returns it.</summary>
    public string KeepDataDirectory()
    {
        _ownsData = false;
        return _data;
    }

    private static async Task<AgentMaster> StartCoreAsync(int? redisDatabase, bool flush, string? dataDirectory, string[] settings)
    {
        var master = new AgentMaster { _data = dataDirectory ?? Directory.CreateTempSubdirectory("dockflare-agents-").FullName };
        var args = new List<string>
        {
            "--sandbox",
            "--urls=http://127.0.0.1:0",
            $"--DATA_DIR={master._data}",
            $"--PLUGINS_DIR={Path.Combine(AppContext.BaseDirectory, "plugins")}",
            $"--DOCKFLARE_API_KEY={AdminKey}",
            "--DOCKER_SOURCE_ENABLED=false",
            "--LOG_LEVEL=WARNING",
            "--TUNNEL_NAME=agents-master-" + Guid.NewGuid().ToString("N")[..6],
        };
        if (redisDatabase is { } db)
        {
            var url = new Uri(TestInfrastructure.RedisUrl);
            if (flush)
            {
                using var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { AllowAdmin = true, EndPoints = { { url.Host, url.Port } } });
                await redis.GetServer(redis.GetEndPoints()[0]).FlushDatabaseAsync(db);
            }

            args.Add($"--REDIS_URL=redis://{url.Host}:{url.Port}/{db}");
        }

        args.AddRange(settings);
        master._app = DockFlareApp.Build([.. args]);
        await master._app.StartAsync();
        var address = master._app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        master.Client.BaseAddress = new Uri(address);
        return master;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Sends a request with a bearer key (the admin key by default) and an optional JSON body.</summary>
    public async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, object? body = null, string? key = AdminKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is string raw)
        {
            request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json, response);
    }

    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string path, object? body = null, string? key = AdminKey) =>
        SendAsync(HttpMethod.Post, path, body, key);

    public Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path, string? key = AdminKey) =>
        SendAsync(HttpMethod.Get, path, null, key);

    /// <summary>Generates an agent key through the admin API; returns (keyId, secret).</summary>
    public async Task<(string KeyId, string Secret)> NewKeyAsync(string label = "test")
    {
        var (status, body, _) = await PostAsync("/api/v2/agent-keys", new { label });
        Assert.Equal(201, status);
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>Registers an agent (v2 shape) with a new key; returns (agentId, secret).</summary>
    public async Task<(string AgentId, string Secret)> NewAgentAsync(string displayName)
    {
        var (_, secret) = await NewKeyAsync(displayName);
        var (status, body, _) = await PostAsync("/api/v2/agents/register", new { displayName, agentVersion = "2.0.0" }, secret);
        Assert.Equal(201, status);
        return (body.GetProperty("agentId").GetString()!, secret);
    }

    /// <summary>Registers, scopes and enrols an agent on a new tunnel; returns (agentId, secret, tunnelId).</summary>
    public async Task<(string AgentId, string Secret, string TunnelId)> EnrolledAgentAsync(string displayName, params string[] zones)
    {
        var (agentId, secret) = await NewAgentAsync(displayName);
        var (status, body, _) = await PostAsync($"/api/v2/agents/{agentId}/enrol", new { createTunnel = true, scopes = new { zones } });
        Assert.True(status == 200, body.ToString());
        return (agentId, secret, body.GetProperty("agent").GetProperty("tunnelId").GetString()!);
    }

    public async Task<ReconcileOutcome> ReconcileAsync()
    {
        var outcome = await Get<IReconciler>().ReconcileAsync("test", CancellationToken.None);
        return outcome;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
