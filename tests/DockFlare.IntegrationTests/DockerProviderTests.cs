using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;
using DockFlare.Testing;
using Microsoft.Extensions.Configuration;

namespace DockFlare.IntegrationTests;

/// <summary>The Docker provider plugin, loaded through the real loader, against the test dockerd.</summary>
public sealed class DockerProviderTests : IAsyncLifetime
{
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();
    private readonly List<string> _created = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var id in _created)
        {
            await _docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
        }

        _docker.Dispose();
    }

    [Fact]
    public async Task ListContainers_LabelledRunningContainer_IsListedWithItsLabels()
    {
        var labelled = await CreateAsync("web", start: true, ("dockflare.enable", "true"), ("dockflare.hostname", "app.example.com"), ("run", _run));
        var unlabelled = await CreateAsync("plain", start: true, ("run", _run));
        await using var runtime = LoadRuntime(TestInfrastructure.DockerHost);

        var listed = await runtime.Value.ListContainersAsync(["dockflare.enable"], includeStopped: false, CancellationToken.None);

        var container = Assert.Single(listed, c => c.Id == labelled);
        Assert.Equal($"web-{_run}", container.Name);
        Assert.True(container.IsRunning);
        Assert.Equal("app.example.com", container.Labels["dockflare.hostname"]);
        Assert.Equal(TestInfrastructure.Image, container.Image);
        Assert.DoesNotContain(listed, c => c.Id == unlabelled);
    }

    [Fact]
    public async Task ListContainers_AnyOfSeveralPrefixes_ListsEachContainerOnce()
    {
        var both = await CreateAsync("both", start: true, ("dockflare.enable", "true"), ("cloudflare.tunnel.enable", "true"));
        var legacy = await CreateAsync("legacy", start: true, ("cloudflare.tunnel.enable", "true"));
        await using var runtime = LoadRuntime(TestInfrastructure.DockerHost);

        var listed = await runtime.Value.ListContainersAsync(
            ["dockflare.enable", "cloudflare.tunnel.enable"], includeStopped: false, CancellationToken.None);

        Assert.Single(listed, c => c.Id == both);
        Assert.Single(listed, c => c.Id == legacy);
    }

    [Fact]
    public async Task ListContainers_StoppedContainer_ListedOnlyWhenAskedFor()
    {
        var stopped = await CreateAsync("stopped", start: false, ("dockflare.enable", "true"));
        await using var runtime = LoadRuntime(TestInfrastructure.DockerHost);

        var running = await runtime.Value.ListContainersAsync(["dockflare.enable"], includeStopped: false, CancellationToken.None);
        var all = await runtime.Value.ListContainersAsync(["dockflare.enable"], includeStopped: true, CancellationToken.None);

        Assert.DoesNotContain(running, c => c.Id == stopped);
        var listed = Assert.Single(all, c => c.Id == stopped);
        Assert.False(listed.IsRunning);
        Assert.Equal("created", listed.State);
    }

    [Fact]
    public async Task ListContainers_EngineUnreachable_ThrowsUnavailableNamingTheEndpoint()
    {
        await using var runtime = LoadRuntime("unix:///tmp/dockflare-no-such-engine.sock");

        var ex = await Assert.ThrowsAsync<ContainerRuntimeUnavailableException>(
            () => runtime.Value.ListContainersAsync(["dockflare.enable"], false, CancellationToken.None));

        Assert.Contains("unix:///tmp/dockflare-no-such-engine.sock", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchEvents_LabelledContainerLifecycle_IsStreamedInOrder()
    {
        await using var runtime = LoadRuntime(TestInfrastructure.DockerHost);
        var events = runtime.Provider.GetRequiredService<IContainerEventSource>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);

        // Events from before the watch started are replayed from "since": none is lost.
        var id = await CreateAsync("events", start: true, ("dockflare.enable", "true"), ("run", _run));
        await CreateAsync("quiet", start: true, ("run", _run));
        await _docker.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 0 });

        var seen = new List<string>();
        await foreach (var e in events.WatchAsync(["dockflare.enable"], since, cancel.Token))
        {
            // Other tests' labelled containers come and go on the same engine; only this run's count.
            Assert.True(e.Attributes.ContainsKey("dockflare.enable"));
            if (e.Attributes.GetValueOrDefault("run") != _run)
            {
                continue;
            }

            Assert.Equal(id, e.ContainerId);
            Assert.Equal("true", e.Attributes["dockflare.enable"]);
            seen.Add(e.Action);
            if (e.Action == "die")
            {
                break;
            }
        }

        Assert.Equal(["create", "start"], seen.Take(2));
        Assert.Equal("die", seen[^1]);
    }

    [Fact]
    public async Task ReadinessProbe_EngineUpOrDown_ReportsIt()
    {
        await using var up = LoadRuntime(TestInfrastructure.DockerHost);
        await using var down = LoadRuntime("unix:///tmp/dockflare-no-such-engine.sock");

        var ready = await up.Provider.GetRequiredService<IReadinessProbe>().CheckAsync(CancellationToken.None);
        var unavailable = await down.Provider.GetRequiredService<IReadinessProbe>().CheckAsync(CancellationToken.None);

        Assert.Equal(ReadinessStatus.Ready, ready.Status);
        Assert.StartsWith("Docker ", ready.Detail, StringComparison.Ordinal);
        Assert.Equal(ReadinessStatus.Unavailable, unavailable.Status);
    }

    private static LoadedService<IContainerRuntime> LoadRuntime(string dockerHost)
    {
        var folders = new PluginFolders("docker");
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("DOCKER_HOST", dockerHost)]).Build();
        var (_, loaded) = PluginLoaderTests.Loader().LoadAll(folders.Directory, settings, new ServiceCollection(), []);
        var services = new ServiceCollection().AddLogging();
        foreach (var descriptor in Assert.Single(loaded).Services)
        {
            services.Add(descriptor);
        }

        return new LoadedService<IContainerRuntime>(services.BuildServiceProvider(), folders);
    }

    private async Task<string> CreateAsync(string name, bool start, params (string Key, string Value)[] labels)
    {
        var created = await _docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = $"{name}-{_run}",
            Image = TestInfrastructure.Image,
            Cmd = ["sleep", "300"],
            Labels = labels.ToDictionary(l => l.Key, l => l.Value),
            HostConfig = new HostConfig { NetworkMode = "none" },
        });
        _created.Add(created.ID);
        if (start)
        {
            await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        }

        return created.ID;
    }
}
