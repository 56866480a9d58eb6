using System.Net;
using System.Net.Sockets;
using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Composition;
using DockFlare.Agent.Master;
using DockFlare.Agent.State;
using DockFlare.Plugins.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace DockFlare.Agent.Tests.Support;

/// <summary>
/// The whole agent, composed by <see cref="AgentHostBuilder"/> exactly as Program.cs does, running in-process against a
/// <see cref="FakeMaster"/>, with the cloudflared controller and the engine substituted (NSubstitute) and short timings.
/// </summary>
internal sealed class TestAgent : IAsyncDisposable
{
    public const string Key = "dfa_3f9a0c1b2d4e_s3cr3t-agent-key-value";
    public const string KeyId = "3f9a0c1b2d4e";

    private TestAgent(IHost host, AgentParts parts, int healthPort)
    {
        Host = host;
        Parts = parts;
        HealthPort = healthPort;
    }

    public IHost Host { get; }

    public AgentParts Parts { get; }

    public int HealthPort { get; }

    /// <summary>Whether the agent's host began stopping (on its own: a background service failed).</summary>
    public bool Stopped => Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested;

    public FakeMaster Master => Parts.Master;

    public ICloudflaredController Controller => Parts.Controller;

    public AgentState State => Host.Services.GetRequiredService<AgentStateStore>().Current;

    public static AgentTimings FastTimings => new()
    {
        SuperviseInterval = TimeSpan.FromMilliseconds(100),
        RetryInitial = TimeSpan.FromMilliseconds(10),
        RetryCap = TimeSpan.FromMilliseconds(100),
        EventFlushDelay = TimeSpan.FromMilliseconds(50),
        RequestTimeout = TimeSpan.FromSeconds(5),
        PollGrace = TimeSpan.FromSeconds(5),
        ShutdownAckWait = TimeSpan.FromSeconds(5),
        HealthListenHost = "127.0.0.1",
    };

    public static async Task<TestAgent> StartAsync(AgentParts parts, bool health = false, AgentTimings? timings = null)
    {
        var port = health ? FreePort() : 0;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DOCKFLARE_MASTER_URL"] = "http://master.test:8080/",
            ["DOCKFLARE_API_KEY"] = Key,
            ["DATA_DIR"] = parts.DataDirectory,
            ["HEALTH_CHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LOG_LEVEL"] = "debug",
            ["CLOUDFLARED_IMAGE"] = "cloudflare/cloudflared:2025.9.0",
        }).Build();
        var build = AgentHostBuilder.Build(configuration, new AgentHostOptions
        {
            LoadDockerProvider = false,
            Timings = timings ?? FastTimings,
            ConfigureLogging = logging =>
            {
                logging.ClearProviders();
                logging.AddProvider(parts.Logs);
                logging.SetMinimumLevel(LogLevel.Debug);
            },
            ConfigureServices = services =>
            {
                services.AddSingleton(parts.Controller);
                services.AddSingleton(parts.Runtime);
                services.AddSingleton(parts.Events);
                services.AddSingleton(Substitute.For<IContainerManager>());
                services.AddHttpClient(MasterClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => parts.Master);
            },
        });
        Assert.Empty(build.Problems);
        await build.Host!.StartAsync();
        return new TestAgent(build.Host, parts, port);
    }

    public async Task StopAsync()
    {
        await Host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }

        Host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
