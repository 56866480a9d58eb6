using DockFlare.Agent.Composition;
using DockFlare.Agent.State;
using DockFlare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>
/// The whole agent composed by <see cref="AgentHostBuilder"/> as Program.cs does it, with nothing substituted: the Docker
/// provider loaded from the agent's own plugins folder, the master reached over HTTP. Only the pacing is shortened.
/// </summary>
internal sealed class EndToEndAgent : IAsyncDisposable
{
    private readonly IHost _host;

    private EndToEndAgent(IHost host) => _host = host;

    public static AgentTimings Timings => new()
    {
        SuperviseInterval = TimeSpan.FromMilliseconds(500),
        RetryInitial = TimeSpan.FromMilliseconds(50),
        RetryCap = TimeSpan.FromMilliseconds(500),
        EventFlushDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(5),
        PollGrace = TimeSpan.FromSeconds(5),
        ShutdownAckWait = TimeSpan.FromSeconds(2),
        HealthListenHost = "127.0.0.1",
    };

    /// <summary>The plugins folder of the agent's own build (<c>agent/DockFlare.Agent/bin/&lt;configuration&gt;/&lt;tfm&gt;/plugins</c>).</summary>
    public static string PluginsDirectory
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return RepositoryPaths.Combine("agent", "DockFlare.Agent", "bin", configuration, tfm, "plugins");
        }
    }

    public AgentState State => _host.Services.GetRequiredService<AgentStateStore>().Current;

    public static async Task<EndToEndAgent> StartAsync(IReadOnlyDictionary<string, string?> settings, AgentLogs logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var build = AgentHostBuilder.Build(configuration, new AgentHostOptions
        {
            PluginsDirectory = PluginsDirectory,
            Timings = Timings,
            ConfigureLogging = logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(logs);
                logging.SetMinimumLevel(LogLevel.Debug);
            },
        });
        Assert.Empty(build.Problems);
        await build.Host!.StartAsync();
        return new EndToEndAgent(build.Host);
    }

    public async Task StopAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
    }
}
