using System.Text.Json;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// One agent as users run it: <c>dotnet DockFlare.Agent.dll</c> with its key, its engine's socket and its own
/// <c>DATA_DIR</c>, its Docker provider loaded from its own build's plugins folder. Restartable on the same data folder.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private ChildProcess? _process;

    private AgentProcess(string name, string folder, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _folder = folder;
        _environment = environment;
    }

    public string Name { get; }

    public bool IsRunning => _process is { HasExited: false };

    public static AgentProcess Start(string name, string folder, MasterProcess master, string key, PrivateDockerEngine engine, string cloudflaredImage)
    {
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        var agent = new AgentProcess(name, folder, new Dictionary<string, string>
        {
            ["DOCKFLARE_MASTER_URL"] = master.Url.AbsoluteUri,
            ["DOCKFLARE_API_KEY"] = key,
            ["DOCKER_HOST"] = engine.Endpoint,
            ["CLOUDFLARED_IMAGE"] = cloudflaredImage,
            ["CLOUDFLARED_NETWORK_NAME"] = "cloudflare-net",
            ["AGENT_DISPLAY_NAME"] = name,
            ["DATA_DIR"] = data,
            ["HEALTH_CHECK_PORT"] = "0",
            ["LOG_LEVEL"] = "debug",
        });
        agent.StartAgain();
        return agent;
    }

    public void StartAgain()
    {
        Assert.False(IsRunning, $"Agent {Name} is running already.");
        _process = ChildProcess.Start("agent-" + Name, "dotnet", [ProductBuild.Agent], _environment, Path.Combine(_folder, "agent.log"));
    }

    /// <summary>The id the agent saved after registering (<c>DATA_DIR/agent-state.json</c>), or null before.</summary>
    public async Task<string?> SavedIdAsync()
    {
        var path = Path.Combine(_environment["DATA_DIR"], "agent-state.json");
        try
        {
            using var state = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            return state.RootElement.TryGetProperty("agentId", out var id) ? id.GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // not written yet, or being replaced
        }
    }

    /// <summary>SIGTERM, as <c>docker stop</c>: the agent leaves its cloudflared running.</summary>
    public Task StopAsync() => _process?.StopAsync(TimeSpan.FromSeconds(20)) ?? Task.CompletedTask;

    /// <summary>Whether it logged a line containing <paramref name="text"/> lately.</summary>
    public bool Wrote(string text) => _process?.Wrote(text) ?? false;

    public IReadOnlyList<string> Tail() => _process?.Tail() ?? [];

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
