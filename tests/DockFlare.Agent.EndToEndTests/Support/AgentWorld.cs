using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.CloudflareEmulator;
using DockFlare.Testing;
using Xunit.Abstractions;

namespace DockFlare.Agent.EndToEndTests.Support;

/// <summary>
/// Everything one end-to-end test runs: the emulator, the master (restartable), a Docker socket proxy the agent talks
/// through, the agent (restartable on its data directory) and the test's own client of the real engine. Every container
/// and network it makes carries <see cref="Suffix"/> or the agent's id, and all of it is removed at the end.
/// </summary>
internal sealed class AgentWorld : IAsyncDisposable
{
    public const string Zone = "example.com";
    public const string Service = "http://app:80";

    // Idles until stopped (as PID 1 it needs its own TERM handler, or each stop would wait out the grace period).
    private static readonly string[] Idle = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];

    private readonly TempDirectory _masterData = new();
    private readonly TempDirectory _agentData = new();
    private readonly TempDirectory _sockets = new();
    private readonly ITestOutputHelper _output;
    private readonly string _standInImage;
    private RunningEmulator? _emulator;
    private string _agentKey = "";

    private AgentWorld(ITestOutputHelper output, string standInImage)
    {
        _output = output;
        _standInImage = standInImage;
        Proxy = new DockerSocketProxy(TestInfrastructure.DockerHost, _sockets.Combine("docker.sock"));
    }

    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..8];

    public DockerClient Docker { get; } = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();

    public EndToEndMaster Master { get; private set; } = null!; // set by StartAsync before the world is handed out

    public EmulatorView Cloudflare { get; private set; } = null!;

    public DockerSocketProxy Proxy { get; }

    public AgentLogs Logs { get; } = new();

    public EndToEndAgent? Agent { get; private set; }

    /// <summary>The network the agent's cloudflared joins (<c>CLOUDFLARED_NETWORK_NAME</c>).</summary>
    public string Network => "e2e-net-" + Suffix;

    /// <summary>The agent id, once the agent registered (kept across its restarts).</summary>
    public string? AgentId { get; private set; }

    public static async Task<AgentWorld> StartAsync(ITestOutputHelper output, string standInImage, int redisDatabase)
    {
        var world = new AgentWorld(output, standInImage);
        try
        {
            world._emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions(), "http://127.0.0.1:0");
            world.Cloudflare = new EmulatorView(world._emulator);
            world.Master = await EndToEndMaster.StartAsync(world._emulator, world._masterData.Path, redisDatabase, world.Suffix);
            world._agentKey = await world.Master.NewAgentKeyAsync("e2e-" + world.Suffix);
            return world;
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    public string Hostname(string name) => $"{name}-{Suffix}.{Zone}";

    /// <summary>Starts the agent on its data directory (the same one at every start) through the socket proxy.</summary>
    public async Task StartAgentAsync()
    {
        Assert.Null(Agent);
        Agent = await EndToEndAgent.StartAsync(
            new Dictionary<string, string?>
            {
                ["DOCKFLARE_MASTER_URL"] = Master.Url.AbsoluteUri,
                ["DOCKFLARE_API_KEY"] = _agentKey,
                ["DOCKER_HOST"] = Proxy.Endpoint,
                ["CLOUDFLARED_IMAGE"] = _standInImage,
                ["CLOUDFLARED_NETWORK_NAME"] = Network,
                ["AGENT_DISPLAY_NAME"] = "e2e-" + Suffix,
                ["DATA_DIR"] = _agentData.Path,
                ["HEALTH_CHECK_PORT"] = "0",
                ["LOG_LEVEL"] = "debug",
            },
            Logs);
    }

    public async Task StopAgentAsync()
    {
        if (Agent is { } agent)
        {
            Agent = null;
            await agent.DisposeAsync();
        }
    }

    /// <summary>Starts the agent, waits for it to register, checks it is pending, enrols it; returns the tunnel id.</summary>
    public async Task<string> StartEnrolledAgentAsync()
    {
        await StartAgentAsync();
        AgentId = await Eventually.ValueAsync(() => Task.FromResult(Agent!.State.AgentId), "the agent to register and save its id");
        Assert.Equal("pending", (await Master.AgentAsync(AgentId)).GetProperty("agent").GetProperty("status").GetString());
        return await Master.EnrolAsync(AgentId, Zone);
    }

    /// <summary>The agent's cloudflared container (by its agent-id label), or null when there is none.</summary>
    public async Task<ContainerInspectResponse?> CloudflaredAsync()
    {
        var listed = await Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"dockflare.agent.id={AgentId}"] = true } },
        });
        Assert.True(listed.Count <= 1, $"The agent runs {listed.Count} cloudflared containers: {string.Join(", ", listed.SelectMany(c => c.Names))}");
        return listed.Count == 0 ? null : await Docker.Containers.InspectContainerAsync(listed[0].ID);
    }

    /// <summary>Waits for the agent's cloudflared to run for <paramref name="tunnelId"/>; returns it.</summary>
    public Task<ContainerInspectResponse> RunningCloudflaredAsync(string tunnelId) =>
        Eventually.ValueAsync(
            async () => await CloudflaredAsync() is { State.Running: true } c && c.Config.Labels.TryGetValue("dockflare.cloudflared.tunnel-id", out var tunnel) && tunnel == tunnelId ? c : null,
            $"the agent's cloudflared to run for tunnel {tunnelId}");

    /// <summary>Creates and starts a container labelled for DockFlare on the engine (not through the proxy); returns its id.</summary>
    public async Task<string> RunLabelledAsync(string name, string hostname)
    {
        var created = await Docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"{name}-{Suffix}",
            Image = TestInfrastructure.Image,
            Cmd = Idle,
            Labels = new Dictionary<string, string>
            {
                ["dockflare.enable"] = "true",
                ["dockflare.hostname"] = hostname,
                ["dockflare.service"] = Service,
            },
        });
        await Docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    public Task StopContainerAsync(string id) =>
        Docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 5 });

    /// <summary>Whether <paramref name="hostname"/> is live on the agent's tunnel in Cloudflare and active on the master.</summary>
    public async Task<bool> IsPublishedAsync(string hostname, string tunnelId) =>
        Cloudflare.IsPublished(hostname, tunnelId, Service) && await Master.RouteStatusAsync(hostname) == "active";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAgentAsync();
            await Proxy.DisposeAsync();
            if (Master is not null)
            {
                await Master.DisposeAsync();
            }

            if (_emulator is not null)
            {
                await _emulator.DisposeAsync();
            }
        }
        finally
        {
            // Whatever failed above, the engine is shared: nothing of this test stays on it.
            await RemoveOursAsync();
            Docker.Dispose();
            _masterData.Dispose();
            _agentData.Dispose();
            _sockets.Dispose();
            foreach (var entry in Logs.Entries)
            {
                _output.WriteLine(entry);
            }
        }
    }

    private async Task RemoveOursAsync()
    {
        var all = await Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true });
        var ours = all.Where(c => c.Names.Any(n => n.Contains(Suffix, StringComparison.Ordinal))
            || (AgentId is not null && c.Labels.TryGetValue("dockflare.agent.id", out var owner) && owner == AgentId));
        foreach (var container in ours)
        {
            await Docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        var networks = await Docker.Networks.ListNetworksAsync(new NetworksListParameters());
        foreach (var network in networks.Where(n => n.Name == Network))
        {
            await Docker.Networks.DeleteNetworkAsync(network.ID);
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Removed the test's containers and network ({Suffix})."));
    }
}
