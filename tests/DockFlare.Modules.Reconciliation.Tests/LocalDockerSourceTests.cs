using System.Collections.Concurrent;
using Autofac;
using Docker.DotNet;
using Docker.DotNet.Models;
using ContainerState = DockFlare.Core.Engine.ContainerState;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Docker;
using DockFlare.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation.Tests;

/// <summary>The local Docker source against the real test engine (scripts/test.sh starts it), with the emulator behind.</summary>
public sealed class LocalDockerSourceTests : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _created = [];
    private DockerClient? _docker;

    public Task InitializeAsync()
    {
        _docker = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var id in _created)
        {
            try
            {
                await _docker!.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
            }
            catch (DockerApiException)
            {
                // already gone
            }
        }

        _docker!.Dispose();
    }

    private static ServiceProvider DockerProvider(string dockerHost)
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DOCKER_HOST"] = dockerHost }).Build();
        new DockerPlugin().Register(services, new PluginContext(new PluginManifest { Id = "docker", Version = "1.0.0", MinContractVersion = "1.3", EntryAssembly = "DockFlare.Plugins.Docker.dll" }, AppContext.BaseDirectory, configuration));
        return services.BuildServiceProvider();
    }

    private async Task<string> RunAsync(string name, Dictionary<string, string> labels)
    {
        var created = await _docker!.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = TestInfrastructure.Image,
            Cmd = ["sleep", "3600"],
            Labels = labels,
        });
        _created.Add(created.ID);
        await _docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
        return created.ID;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task LocalSource_RealEngine_StartStopRemoveFlowIntoStateAndCloudflare()
    {
        await using var docker = DockerProvider(TestInfrastructure.DockerHost);
        var trigger = new RecordingTrigger();
        var logs = new DockFlare.Testing.Cloudflare.CapturingLoggerProvider();
        using var factory = Microsoft.Extensions.Logging.LoggerFactory.Create(l => l.AddProvider(logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace));
        await using var bed = await ReconcileBed.StartAsync(configure: b =>
        {
            b.RegisterInstance(factory).As<Microsoft.Extensions.Logging.ILoggerFactory>();
            b.RegisterGeneric(typeof(Microsoft.Extensions.Logging.Logger<>)).As(typeof(Microsoft.Extensions.Logging.ILogger<>)).SingleInstance();
            b.RegisterInstance(docker.GetRequiredService<IContainerRuntime>()).As<IContainerRuntime>();
            b.RegisterInstance(docker.GetRequiredService<IContainerEventSource>()).As<IContainerEventSource>();
            b.RegisterInstance(trigger).As<IReconcileTrigger>();
        });
        var source = bed.Resolve<IEnumerable<IHostedService>>().OfType<LocalDockerSource>().Single();
        var name = "web-" + _suffix;
        var hostname = $"web-{_suffix}.example.com";

        await source.StartAsync(CancellationToken.None);
        try
        {
            var id = await RunAsync(name, ReconcileBed.Labels(hostname, "http://web:80"));
            await EventuallyAsync(() => LocalAsync(bed), set => set.Any(c => c.Container.Name == name && c.Container.State == ContainerState.Running),
                "the running container; logs: " + string.Join(" | ", logs.Entries.Select(e => e.Message)) + "; causes: " + string.Join(",", trigger.Causes));
            Assert.Contains(trigger.Causes, c => c.Contains(name, StringComparison.Ordinal) || c.StartsWith("docker", StringComparison.Ordinal));
            await bed.ReconcileAsync();
            Assert.Contains(hostname, (await bed.IngressAsync()).Select(r => r.Hostname));

            await _docker!.Containers.StopContainerAsync(id, new ContainerStopParameters { WaitBeforeKillSeconds = 0 });
            await EventuallyAsync(() => LocalAsync(bed), set => set.Any(c => c.Container.Name == name && c.Container.State == ContainerState.Stopped), "the stopped container");
            Assert.Contains(await bed.Store.ListGraceDeadlinesAsync(), d => d.OwnerKey == "local/" + name);
            await bed.ReconcileAsync();
            Assert.Contains(hostname, (await bed.IngressAsync()).Select(r => r.Hostname)); // still live during the grace period

            await _docker.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
            await EventuallyAsync(() => LocalAsync(bed), set => set.Any(c => c.Container.Name == name && !c.Present), "the removed container");
            bed.Time.Advance(TimeSpan.FromMinutes(11));
            await bed.ExpireGraceAsync();
            Assert.DoesNotContain(hostname, (await bed.IngressAsync()).Select(r => r.Hostname));
            Assert.DoesNotContain(await LocalAsync(bed), c => c.Container.Name == name);
        }
        finally
        {
            await source.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task LocalSource_EngineDown_KeepsStoredContainersAndRetries()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"dockflare-missing-{_suffix}.sock");
        await using var down = DockerProvider("unix://" + socket);
        await using var bed = await ReconcileBed.StartAsync(configure: b =>
        {
            b.RegisterInstance(down.GetRequiredService<IContainerRuntime>()).As<IContainerRuntime>();
            b.RegisterInstance(down.GetRequiredService<IContainerEventSource>()).As<IContainerEventSource>();
            b.RegisterInstance(new RecordingTrigger()).As<IReconcileTrigger>();
        });
        await bed.ListLocalAsync(ReconcileBed.Container("app", ReconcileBed.Labels("app.example.com", "http://app:80")));
        var source = bed.Resolve<IEnumerable<IHostedService>>().OfType<LocalDockerSource>().Single();

        await source.StartAsync(CancellationToken.None);
        await bed.Resolve<LocalSourceReadiness>().Ready.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(500);
        await source.StopAsync(CancellationToken.None);

        var stored = Assert.Single(await LocalAsync(bed));
        Assert.Equal(ContainerState.Running, stored.Container.State);
        Assert.Empty(await bed.Store.ListGraceDeadlinesAsync());
    }

    private static async Task<IReadOnlyList<KnownContainer>> LocalAsync(ReconcileBed bed) =>
        (await bed.Store.GetRoutesAsync(RouteSourceKey.Local)).Routes.Containers;

    private sealed class RecordingTrigger : IReconcileTrigger
    {
        public ConcurrentQueue<string> Causes { get; } = new();

        public void Request(string cause) => Causes.Enqueue(cause);
    }
}
