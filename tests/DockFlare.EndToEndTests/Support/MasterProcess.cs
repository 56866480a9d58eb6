using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// The master as users run it: <c>dotnet DockFlare.Host.dll</c> configured by environment variables, in Redis mode, pointed
/// at the emulator, with the Cloudflare provider only (<c>DOCKER_SOURCE_ENABLED=false</c> and no Docker plugin: only the
/// agents publish). Restartable on the same port, Redis and data folder.
/// </summary>
internal sealed class MasterProcess : IAsyncDisposable
{
    public const string AdminKey = "e2e-two-hosts-admin-key-0123456789abcdef";

    /// <summary>How long a stopped container's routes stay (short, so the scenario's removal step is quick).</summary>
    public const int GracePeriodSeconds = 15;

    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private ChildProcess? _process;

    private MasterProcess(string folder, IReadOnlyDictionary<string, string> environment)
    {
        _folder = folder;
        _environment = environment;
        Client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Url { get; } = new($"http://127.0.0.1:{LoopbackPort.Free()}/");

    public HttpClient Client { get; }

    public static async Task<MasterProcess> StartAsync(string folder, EmulatorProcess emulator, PrivateRedisServer redis)
    {
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var environment = new Dictionary<string, string>
        {
            ["DATA_DIR"] = Path.Combine(folder, "data"),
            ["PLUGINS_DIR"] = ProductBuild.MasterPlugins,
            ["REDIS_URL"] = redis.Url,
            ["DOCKFLARE_API_KEY"] = AdminKey,
            ["CF_API_BASE_URL"] = emulator.BaseUrl.AbsoluteUri,
            ["CF_API_TOKEN"] = emulator.Token,
            ["CF_ACCOUNT_ID"] = emulator.AccountId,
            ["CF_API_RETRY_BASE_DELAY_MS"] = "10",
            ["DOCKER_SOURCE_ENABLED"] = "false",
            ["TUNNEL_NAME"] = "dockflare-e2e-master",
            ["GRACE_PERIOD_SECONDS"] = GracePeriodSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AGENT_HEARTBEAT_TIMEOUT"] = "10",
            ["RECONCILE_DEBOUNCE_MS"] = "100",
            ["LOG_LEVEL"] = "WARNING",
        };
        var master = new MasterProcess(folder, environment);
        environment["ASPNETCORE_URLS"] = master.Url.AbsoluteUri.TrimEnd('/');
        await master.StartAgainAsync();
        return master;
    }

    /// <summary>Starts the process (again) and waits for <c>/healthz</c>.</summary>
    public async Task StartAgainAsync()
    {
        Assert.True(_process is null || _process.HasExited, "The master is running already.");
        var process = ChildProcess.Start("master", "dotnet", [ProductBuild.Master], _environment, Path.Combine(_folder, "master.log"));
        _process = process;
        await Eventually.TrueAsync(async () => process.HasExited || await AnswersAsync(), "the master to answer /healthz", TimeSpan.FromSeconds(90));
        Assert.False(process.HasExited, "The master exited: " + string.Join('\n', process.Tail()));
    }

    /// <summary>Stops the process with SIGTERM (as <c>docker stop</c> does).</summary>
    public Task StopAsync() => _process?.StopAsync(TimeSpan.FromSeconds(30)) ?? Task.CompletedTask;

    public IReadOnlyList<string> Tail() => _process?.Tail() ?? [];

    /// <summary>
    /// Whether <c>/readyz</c> reports its storage (Redis) healthy. The whole answer stays 503 here: the master has no Docker
    /// plugin on purpose, which readiness counts as a required plugin missing.
    /// </summary>
    public async Task<bool> StorageHealthyAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("readyz", UriKind.Relative));
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.GetProperty("checks").EnumerateArray()
                .Any(c => c.GetProperty("name").GetString() == "storage" && c.GetProperty("status").GetString() == "Healthy");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return false;
        }
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

    public async Task<JsonElement> GetAsync(string path)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path);
        Assert.True(status == HttpStatusCode.OK, $"GET {path}: {(int)status} {body}");
        return body;
    }

    /// <summary>Generates an agent key through the REST API; returns its <c>secret</c> (the agent's <c>DOCKFLARE_API_KEY</c>).</summary>
    public async Task<string> NewAgentKeyAsync(string label)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/api/v2/agent-keys", new { label });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("secret").GetString()!;
    }

    /// <summary>One agent's view: <c>agent</c> (status, tunnelId…) and <c>liveness</c>.</summary>
    public async Task<JsonElement> AgentAsync(string agentId) => (await GetAsync($"/api/v2/agents/{agentId}")).GetProperty("agent");

    /// <summary>The routes report (<c>routes</c>, <c>diagnostics</c>, <c>lastOutcome</c>).</summary>
    public Task<JsonElement> RoutesAsync() => GetAsync("/api/v2/routes");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Client.GetAsync(new Uri("healthz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }
}
