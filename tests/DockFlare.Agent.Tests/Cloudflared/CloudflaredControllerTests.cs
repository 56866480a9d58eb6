using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using DockFlare.Agent.Cloudflared;
using DockFlare.Agent.Tests.Docker;
using DockFlare.Hosting.Cloudflared;
using DockFlare.Plugins.Abstractions;
using DockFlare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DockFlare.Agent.Tests.Cloudflared;

/// <summary>
/// The agent's cloudflared controller against the private test dockerd, with the Docker provider loaded from the agent's
/// plugins folder. The test image running an idle shell stands in for cloudflared.
/// </summary>
public sealed class CloudflaredControllerTests : IAsyncLifetime, IDisposable
{
    private const string TunnelId = "9c1d3e52-0000-4000-8000-0000000000a7";

    // Idles until stopped (as PID 1 it needs its own TERM handler, or each removal would wait out the grace period).
    private static readonly IReadOnlyList<string> StandIn = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];

    private readonly string _prefix = "dfa-" + Guid.NewGuid().ToString("N")[..8];
    private readonly CapturedLogs _logs = new();
    private readonly ServiceProvider _services;
    private readonly DockerClient _docker = new DockerClientConfiguration(new Uri(TestInfrastructure.DockerHost)).CreateClient();
    private readonly string _token = Token(TunnelId, "c2VjcmV0LWFnZW50LXNlY3JldA==");

    public CloudflaredControllerTests()
    {
        _services = AgentPlugins.TestDockerServices(_logs).BuildServiceProvider();
    }

    private static CancellationToken Ct => CancellationToken.None;

    private string AgentId => _prefix + "-0000-4000-8000-000000000001";

    private string Network => _prefix + "-net";

    private IContainerManager Containers => _services.GetRequiredService<IContainerManager>();

    [Fact]
    public async Task EnsureAsync_NothingThere_CreatesARunningLabelledContainerOnTheNetwork()
    {
        var report = await Controller(AgentId).EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Running, report.State);
        Assert.Null(report.Error);
        Assert.Equal($"cloudflared-agent-{AgentId}", report.ContainerName);
        Assert.Equal(TestInfrastructure.Image, report.Image);
        Assert.Equal(TunnelId, report.TunnelId);
        var raw = await _docker.Containers.InspectContainerAsync(report.ContainerId, Ct);
        Assert.True(raw.State.Running);
        Assert.Equal("dockflare", raw.Config.Labels["managed-by"]);
        Assert.Equal(TunnelId, raw.Config.Labels[CloudflaredLabels.TunnelId]);
        Assert.Equal(AgentId, raw.Config.Labels["dockflare.agent.id"]);
        Assert.Equal(RestartPolicyKind.UnlessStopped, raw.HostConfig.RestartPolicy.Name);
        Assert.Equal("json-file", raw.HostConfig.LogConfig.Type);
        Assert.Equal("10m", raw.HostConfig.LogConfig.Config["max-size"]);
        Assert.Equal([Network], raw.NetworkSettings.Networks.Keys);
        Assert.Contains($"TUNNEL_TOKEN={_token}", raw.Config.Env);
    }

    [Fact]
    public async Task EnsureAsync_Again_ChangesNothing()
    {
        var controller = Controller(AgentId);
        var first = await controller.EnsureAsync(Desired(), Ct);
        var before = await _docker.Containers.InspectContainerAsync(first.ContainerId, Ct);

        var second = await controller.EnsureAsync(Desired(), Ct);

        var after = await _docker.Containers.InspectContainerAsync(second.ContainerId, Ct);
        Assert.Equal(first.ContainerId, second.ContainerId);
        Assert.Equal(before.State.StartedAt, after.State.StartedAt);
        Assert.Single(await Managed());
    }

    [Fact]
    public async Task EnsureAsync_ContainerStopped_StartsTheSameContainer()
    {
        var controller = Controller(AgentId);
        var first = await controller.EnsureAsync(Desired(), Ct);
        await _docker.Containers.StopContainerAsync(first.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, Ct);
        Assert.Equal(CloudflaredReport.Stopped, (await controller.GetStatusAsync(Ct)).State);

        var second = await controller.EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Running, second.State);
        Assert.Equal(first.ContainerId, second.ContainerId);
        Assert.True((await _docker.Containers.InspectContainerAsync(first.ContainerId, Ct)).State.Running);
    }

    [Fact]
    public async Task EnsureAsync_ContainerRemovedByHand_IsRecreated()
    {
        var controller = Controller(AgentId);
        var first = await controller.EnsureAsync(Desired(), Ct);
        await _docker.Containers.RemoveContainerAsync(first.ContainerId, new ContainerRemoveParameters { Force = true }, Ct);
        Assert.Equal(CloudflaredReport.Missing, (await controller.GetStatusAsync(Ct)).State);

        var second = await controller.EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Running, second.State);
        Assert.NotEqual(first.ContainerId, second.ContainerId);
        Assert.Single(await Managed());
    }

    [Fact]
    public async Task EnsureAsync_ImageChanged_CreatesTheNewOneBeforeRemovingTheOld()
    {
        await _docker.Images.TagImageAsync(TestInfrastructure.Image, new ImageTagParameters { RepositoryName = "dockflare-test", Tag = _prefix }, Ct);
        var newImage = $"dockflare-test:{_prefix}";
        var containers = ContainerManagers.Forwarding(Containers);
        var controller = Controller(AgentId, containers);
        var first = await controller.EnsureAsync(Desired(), Ct);

        var second = await controller.EnsureAsync(Desired() with { Image = newImage }, Ct);

        Assert.Equal(CloudflaredReport.Running, second.State);
        Assert.Equal(newImage, second.Image);
        Assert.NotEqual(first.ContainerId, second.ContainerId);
        var left = Assert.Single(await Managed());
        Assert.Equal(second.ContainerId, left.ID);
        // create-new → start-new → remove-old, in that order.
        var calls = containers.ReceivedCalls().Select(c => c.GetMethodInfo().Name).ToList();
        var lastCreate = calls.LastIndexOf(nameof(IContainerManager.CreateContainerAsync));
        var remove = calls.IndexOf(nameof(IContainerManager.RemoveContainerAsync));
        Assert.True(lastCreate >= 0 && remove > lastCreate, string.Join(", ", calls));
        await _docker.Images.DeleteImageAsync(newImage, new ImageDeleteParameters(), Ct);
    }

    [Fact]
    public async Task B29_Redeploy_DeleteAllowed_LeavesExactlyOneRunningContainer()
    {
        var controller = Controller(AgentId);
        var first = await controller.EnsureAsync(Desired(), Ct);

        var redeployed = await controller.RedeployAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Running, redeployed.State);
        Assert.NotEqual(first.ContainerId, redeployed.ContainerId);
        var left = Assert.Single(await Managed());
        Assert.Equal(redeployed.ContainerId, left.ID);
        Assert.Equal("running", left.State);
    }

    [Fact]
    public async Task B29_Redeploy_DeleteForbiddenByTheSocketProxy_KeepsTheOldRunningAndReportsIt()
    {
        var first = await Controller(AgentId).EnsureAsync(Desired(), Ct);
        var forbidding = ContainerManagers.Forwarding(Containers);
        forbidding.RemoveContainerAsync(default!, default).ThrowsAsyncForAnyArgs(
            c => new ContainerOperationException($"Docker refused to remove container '{c.ArgAt<string>(0)}': 403 Forbidden (the socket proxy does not allow DELETE)"));

        var redeployed = await Controller(AgentId, forbidding).RedeployAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Failed, redeployed.State);
        Assert.Contains("403 Forbidden", redeployed.Error, StringComparison.Ordinal);
        // Never without a connector: the old one still runs, and so does its replacement.
        Assert.True((await _docker.Containers.InspectContainerAsync(first.ContainerId, Ct)).State.Running);
        var running = (await Managed()).Where(c => c.State == "running").ToList();
        Assert.Equal(2, running.Count);
        // With DELETE allowed again, the next pass keeps one.
        var next = await Controller(AgentId).EnsureAsync(Desired(), Ct);
        Assert.Equal(CloudflaredReport.Running, next.State);
        Assert.Single(await Managed());
    }

    [Fact]
    public async Task B34_NetworkRemovedAndRecreated_CloudflaredIsRecreatedOnTheNewNetwork()
    {
        var controller = Controller(AgentId);
        var first = await controller.EnsureAsync(Desired(), Ct);
        // Stopped (a host reboot), its network removed and created again: the container points at a network that is gone.
        await _docker.Containers.StopContainerAsync(first.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, Ct);
        var oldNetwork = (await _docker.Networks.ListNetworksAsync(new NetworksListParameters(), Ct)).Single(n => n.Name == Network);
        await _docker.Networks.DeleteNetworkAsync(oldNetwork.ID, Ct);
        await _docker.Networks.CreateNetworkAsync(new NetworksCreateParameters { Name = Network }, Ct);

        var report = await controller.EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Running, report.State);
        Assert.NotEqual(first.ContainerId, report.ContainerId);
        var raw = await _docker.Containers.InspectContainerAsync(report.ContainerId, Ct);
        var newNetwork = (await _docker.Networks.ListNetworksAsync(new NetworksListParameters(), Ct)).Single(n => n.Name == Network);
        Assert.Equal(newNetwork.ID, raw.NetworkSettings.Networks[Network].NetworkID);
        Assert.Single(await Managed());
    }

    [Fact]
    public async Task B34_NetworkSettingChanged_CloudflaredIsMovedToTheNewNetwork()
    {
        var first = await Controller(AgentId).EnsureAsync(Desired(), Ct);
        var moved = Network + "-2";

        var report = await Controller(AgentId, network: moved).EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Running, report.State);
        Assert.Equal(first.ContainerId, report.ContainerId); // reattached in place, not recreated
        var raw = await _docker.Containers.InspectContainerAsync(report.ContainerId, Ct);
        Assert.Equal([moved], raw.NetworkSettings.Networks.Keys);
    }

    [Fact]
    public async Task EnsureAsync_TwoAgentsOnOneEngine_GetTwoContainers()
    {
        var other = _prefix + "-0000-4000-8000-000000000002";

        var mine = await Controller(AgentId).EnsureAsync(Desired(), Ct);
        var theirs = await Controller(other).EnsureAsync(Desired(), Ct);
        var mineAgain = await Controller(AgentId).EnsureAsync(Desired(), Ct);

        Assert.NotEqual(mine.ContainerName, theirs.ContainerName);
        Assert.Equal(mine.ContainerId, mineAgain.ContainerId);
        Assert.Equal(2, (await Managed()).Count(c => c.State == "running"));
    }

    [Fact]
    public async Task RemoveAsync_RunningContainer_RemovesItAndSecondCallIsFine()
    {
        var controller = Controller(AgentId);
        await controller.EnsureAsync(Desired(), Ct);

        var removed = await controller.RemoveAsync(Ct);
        var again = await controller.RemoveAsync(Ct);

        Assert.Equal(CloudflaredReport.Missing, removed.State);
        Assert.Equal(CloudflaredReport.Missing, again.State);
        Assert.Empty(await Managed());
    }

    [Fact]
    public async Task EnsureAsync_AnyPath_TokenNeverInCommandLabelsOrLogs()
    {
        var controller = Controller(AgentId);
        var created = await controller.EnsureAsync(Desired(), Ct);
        var redeployed = await controller.RedeployAsync(Desired(), Ct);
        await controller.GetStatusAsync(Ct);
        await Assert.ThrowsAsync<CloudflaredTokenException>(() => controller.EnsureAsync(Desired() with { TunnelId = "9c1d3e52-0000-4000-8000-0000000000ff" }, Ct));
        await controller.RemoveAsync(Ct);

        Assert.Equal(CloudflaredReport.Running, created.State);
        Assert.Equal(CloudflaredReport.Running, redeployed.State);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, line => line.Contains(_token, StringComparison.Ordinal));
        Assert.DoesNotContain(_token, Desired().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_Created_TokenOnlyInTheEnvironment()
    {
        var report = await Controller(AgentId).EnsureAsync(Desired(), Ct);

        var raw = await _docker.Containers.InspectContainerAsync(report.ContainerId, Ct);
        Assert.Equal(StandIn, raw.Config.Cmd);
        Assert.DoesNotContain(raw.Args, arg => arg.Contains(_token, StringComparison.Ordinal));
        Assert.DoesNotContain(raw.Config.Labels.Values, value => value.Contains(_token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task B33_EnsureAsync_TokenForAnotherTunnel_ThrowsAndCreatesNothing()
    {
        var ex = await Assert.ThrowsAsync<CloudflaredTokenException>(
            () => Controller(AgentId).EnsureAsync(Desired() with { TunnelId = "9c1d3e52-0000-4000-8000-0000000000ff" }, Ct));

        Assert.Contains(TunnelId, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_token, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Managed());
    }

    [Fact]
    public async Task EnsureAsync_NoAgentIdYet_ReportsFailedWithoutTouchingDocker()
    {
        var containers = Substitute.For<IContainerManager>();

        var report = await Controller(null, containers).EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Failed, report.State);
        Assert.Contains("no id yet", report.Error, StringComparison.Ordinal);
        Assert.Empty(containers.ReceivedCalls());
    }

    [Fact]
    public async Task EnsureAsync_DockerUnreachable_ReportsDockerUnavailable()
    {
        var containers = Substitute.For<IContainerManager>();
        containers.InspectContainerAsync(default!, default).ReturnsForAnyArgs<ManagedContainerInfo?>(
            _ => throw new ContainerRuntimeUnavailableException("Docker at unix:///nowhere.sock does not answer"));

        var report = await Controller(AgentId, containers).EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.DockerUnavailable, report.State);
        Assert.Contains("does not answer", report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_EngineRefuses_ReportsFailedWithTheError()
    {
        var containers = Substitute.For<IContainerManager>();
        containers.InspectContainerAsync(default!, default).ReturnsForAnyArgs(Task.FromResult<ManagedContainerInfo?>(null));
        containers.EnsureNetworkAsync(default!, default).ReturnsForAnyArgs<string>(
            _ => throw new ContainerOperationException("Docker refused to create network: 403 Forbidden"));

        var report = await Controller(AgentId, containers).EnsureAsync(Desired(), Ct);

        Assert.Equal(CloudflaredReport.Failed, report.State);
        Assert.Contains("403 Forbidden", report.Error, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var container in await Managed())
        {
            await _docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, Ct);
        }

        var networks = await _docker.Networks.ListNetworksAsync(new NetworksListParameters(), Ct);
        foreach (var network in networks.Where(n => n.Name.StartsWith(_prefix, StringComparison.Ordinal)))
        {
            await _docker.Networks.DeleteNetworkAsync(network.ID, Ct);
        }
    }

    public void Dispose()
    {
        _docker.Dispose();
        _services.Dispose();
    }

    private static string Token(string tunnelId, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"a\":\"0123456789abcdef0123456789abcdef\",\"t\":\"{tunnelId}\",\"s\":\"{secret}\"}}"));

    private CloudflaredDesired Desired() => new(TunnelId, "agent tunnel", _token, TestInfrastructure.Image);

    private CloudflaredController Controller(string? agentId, IContainerManager? containers = null, string? network = null)
    {
        var options = new CloudflaredControllerOptions(network ?? Network) { Command = StandIn, SettleDelay = TimeSpan.FromMilliseconds(300) };
        return new CloudflaredController(
            containers ?? Containers,
            new FixedAgentIdentity(agentId),
            options,
            _services.GetRequiredService<ILogger<CloudflaredController>>(),
            _services.GetRequiredService<IContainerRuntime>());
    }

    /// <summary>The managed containers of this test (both agents' and both slots).</summary>
    private async Task<IList<ContainerListResponse>> Managed() =>
        (await _docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, Ct))
        .Where(c => c.Labels.TryGetValue("managed-by", out var by) && by == "dockflare" && c.Names.Any(n => n.Contains(_prefix, StringComparison.Ordinal)))
        .ToList();
}
