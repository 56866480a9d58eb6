using Docker.DotNet.Models;
using DockFlare.Plugins.Abstractions;
using DockFlare.Testing;

namespace DockFlare.Plugins.Docker.Tests;

/// <summary>
/// The container manager against the private test dockerd (<c>--bridge=none --iptables=false</c>). User-defined
/// bridge networks work there: the engine creates the Linux bridge itself, it only skips the default one.
/// </summary>
public sealed class DockerContainerManagerTests : IAsyncLifetime, IDisposable
{
    private readonly string _prefix = "dfm-" + Guid.NewGuid().ToString("N")[..8];
    private readonly DockerContainerRuntime _runtime = new(DockerEndpoint.Parse(TestInfrastructure.DockerHost));
    private readonly DockerContainerManager _manager;

    public DockerContainerManagerTests() => _manager = new DockerContainerManager(_runtime);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task EnsureNetworkAsync_CalledTwice_CreatesOneNetworkAndReturnsItsId()
    {
        var first = await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var second = await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);

        Assert.Equal(first, second);
        var listed = await _runtime.Client.Networks.ListNetworksAsync(new NetworksListParameters(), Ct);
        var network = Assert.Single(listed, n => n.Name == _prefix + "-net");
        Assert.Equal(first, network.ID);
        Assert.Equal("bridge", network.Driver);
        Assert.Equal("dockflare", network.Labels["managed-by"]);
    }

    [Fact]
    public async Task FindNetworkAsync_OnlyALongerNameExists_ReturnsNull()
    {
        var longer = await _manager.EnsureNetworkAsync(_prefix + "-net-longer", Ct);

        Assert.Null(await _manager.FindNetworkAsync(_prefix + "-net", Ct));
        Assert.Equal(longer, await _manager.FindNetworkAsync(_prefix + "-net-longer", Ct));
    }

    [Fact]
    public async Task CreateContainerAsync_Spec_InspectShowsImageLabelsNetworkAndRestartPolicy()
    {
        await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var spec = Spec("c1", _prefix + "-net");

        var id = await _manager.CreateContainerAsync(spec, Ct);
        var created = await _manager.InspectContainerAsync(spec.Name, Ct);

        Assert.NotNull(created);
        Assert.Equal(id, created.Id);
        Assert.Equal(spec.Name, created.Name);
        Assert.Equal(TestInfrastructure.Image, created.Image);
        Assert.False(created.IsRunning);
        Assert.Equal("unless-stopped", created.RestartPolicy);
        Assert.Equal("dockflare", created.Labels["managed-by"]);
        // Never started: the engine has not resolved the network id yet.
        Assert.Equal([new ContainerNetworkAttachment(_prefix + "-net", "")], created.Networks);
        var raw = await _runtime.Client.Containers.InspectContainerAsync(id, Ct);
        Assert.Contains("SECRET_VALUE=s3cr3t", raw.Config.Env);
        Assert.Equal(["sleep", "300"], raw.Config.Cmd);
    }

    [Fact]
    public async Task CreateContainerAsync_LogDriverAndOptions_InspectShowsTheLogConfig()
    {
        await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var spec = Spec("log", _prefix + "-net") with
        {
            LogDriver = "json-file",
            LogOptions = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" },
        };

        var id = await _manager.CreateContainerAsync(spec, Ct);

        var raw = await _runtime.Client.Containers.InspectContainerAsync(id, Ct);
        Assert.Equal("json-file", raw.HostConfig.LogConfig.Type);
        Assert.Equal("10m", raw.HostConfig.LogConfig.Config["max-size"]);
        Assert.Equal("3", raw.HostConfig.LogConfig.Config["max-file"]);
    }

    [Fact]
    public async Task CreateContainerAsync_NoLogSettings_KeepsTheEngineDefault()
    {
        await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var info = await _runtime.Client.System.GetSystemInfoAsync(Ct);

        var id = await _manager.CreateContainerAsync(Spec("nolog", _prefix + "-net"), Ct);

        var raw = await _runtime.Client.Containers.InspectContainerAsync(id, Ct);
        Assert.Equal(info.LoggingDriver, raw.HostConfig.LogConfig.Type);
        Assert.False(raw.HostConfig.LogConfig.Config?.ContainsKey("max-size") ?? false);
    }

    [Fact]
    public async Task StartContainerAsync_ThenRemove_RunsAndThenIsGone()
    {
        await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var spec = Spec("c2", _prefix + "-net");
        var id = await _manager.CreateContainerAsync(spec, Ct);

        await _manager.StartContainerAsync(id, Ct);
        var running = await _manager.InspectContainerAsync(spec.Name, Ct);
        var networkId = await _manager.FindNetworkAsync(_prefix + "-net", Ct);
        await _manager.RemoveContainerAsync(id, Ct);
        var removed = await _manager.InspectContainerAsync(spec.Name, Ct);
        await _manager.RemoveContainerAsync(id, Ct);

        Assert.True(running?.IsRunning);
        Assert.Equal([new ContainerNetworkAttachment(_prefix + "-net", networkId!)], running!.Networks);
        Assert.Null(removed);
    }

    [Fact]
    public async Task ConnectAndDisconnectNetworkAsync_SecondNetwork_AttachmentsFollow()
    {
        var first = await _manager.EnsureNetworkAsync(_prefix + "-a", Ct);
        var second = await _manager.EnsureNetworkAsync(_prefix + "-b", Ct);
        var spec = Spec("c3", _prefix + "-a");
        var id = await _manager.CreateContainerAsync(spec, Ct);
        await _manager.StartContainerAsync(id, Ct);

        await _manager.ConnectNetworkAsync(second, id, Ct);
        var both = await _manager.InspectContainerAsync(spec.Name, Ct);
        await _manager.DisconnectNetworkAsync(first, id, Ct);
        var onlySecond = await _manager.InspectContainerAsync(spec.Name, Ct);

        Assert.Equal([_prefix + "-a", _prefix + "-b"], both!.Networks.Select(n => n.Name));
        Assert.Equal([new ContainerNetworkAttachment(_prefix + "-b", second)], onlySecond!.Networks);
    }

    [Fact]
    public async Task ListContainersAsync_ContainerOnNetwork_SnapshotNamesItsNetworks()
    {
        await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var spec = Spec("c4", _prefix + "-net");
        await _manager.CreateContainerAsync(spec, Ct);

        var listed = await _runtime.ListContainersAsync([], includeStopped: true, Ct);

        var snapshot = Assert.Single(listed, c => c.Name == spec.Name);
        Assert.Equal([_prefix + "-net"], snapshot.Networks);
    }

    [Fact]
    public async Task InspectContainerAsync_NoSuchName_ReturnsNull()
    {
        Assert.Null(await _manager.InspectContainerAsync(_prefix + "-missing", Ct));
    }

    [Fact]
    public async Task CreateContainerAsync_NameInUse_ThrowsContainerOperationException()
    {
        await _manager.EnsureNetworkAsync(_prefix + "-net", Ct);
        var spec = Spec("c5", _prefix + "-net");
        await _manager.CreateContainerAsync(spec, Ct);

        var error = await Assert.ThrowsAsync<ContainerOperationException>(() => _manager.CreateContainerAsync(spec, Ct));

        Assert.Contains("409", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureNetworkAsync_EngineUnreachable_ThrowsContainerRuntimeUnavailableException()
    {
        using var runtime = new DockerContainerRuntime(DockerEndpoint.Parse("unix:///tmp/" + _prefix + "-no-such.sock"));
        var manager = new DockerContainerManager(runtime);

        await Assert.ThrowsAsync<ContainerRuntimeUnavailableException>(() => manager.EnsureNetworkAsync("x", Ct));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var containers = await _runtime.ListContainersAsync([], includeStopped: true, Ct);
        foreach (var container in containers.Where(c => c.Name.StartsWith(_prefix, StringComparison.Ordinal)))
        {
            await _manager.RemoveContainerAsync(container.Id, Ct);
        }

        var networks = await _runtime.Client.Networks.ListNetworksAsync(new NetworksListParameters(), Ct);
        foreach (var network in networks.Where(n => n.Name.StartsWith(_prefix, StringComparison.Ordinal)))
        {
            await _runtime.Client.Networks.DeleteNetworkAsync(network.ID, Ct);
        }
    }

    public void Dispose() => _runtime.Dispose();

    private ManagedContainerSpec Spec(string suffix, string network) => new(
        $"{_prefix}-{suffix}",
        TestInfrastructure.Image,
        ["sleep", "300"],
        new Dictionary<string, string> { ["SECRET_VALUE"] = "s3cr3t" },
        new Dictionary<string, string> { ["managed-by"] = "dockflare" },
        network);
}
