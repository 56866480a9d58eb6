using Docker.DotNet.Models;
using System.Text.RegularExpressions;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Hosting.Cloudflared;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Docker;
using DockFlare.Testing;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.Logging;
using NSubstitute;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>
/// The managed cloudflared against the private test dockerd (F22, B34, B35). The busybox test image stands in for
/// cloudflared: it records the arguments cloudflared would get and sleeps.
/// </summary>
public sealed class CloudflaredSupervisorTests : IAsyncLifetime, IDisposable
{
    // cloudflared's format (base64 of {"a","t","s"}) for the fake tunnel's id: the runner checks it before creating anything (B33).
    private static readonly string Token = CloudflaredFakeMasterTunnel.TokenFor(CloudflaredFakeMasterTunnel.TunnelId, "secret-secret-secret");
    private static readonly string RotatedToken = CloudflaredFakeMasterTunnel.TokenFor(CloudflaredFakeMasterTunnel.TunnelId, "rotated-rotated-rotated");

    // Not in the test engine, which has no internet: every pull of it fails (and so would any pull at all).
    private const string MissingImage = "dockflare-test-missing:1";

    // sh -c '<script>' $0 $@: the stand-in writes what cloudflared would receive, then idles until stopped
    // (as PID 1 it needs its own TERM handler, or every stop would wait out the grace period).
    private static readonly IReadOnlyList<string> StandIn =
        ["sh", "-c", "echo \"$@\" > /tmp/args; trap 'exit 0' TERM; sleep 3600 & wait", "cloudflared", .. CloudflaredTarget.DefaultCommand];

    private readonly string _prefix = "dfs-" + Guid.NewGuid().ToString("N")[..8];
    private readonly DockerContainerRuntime _docker = new(DockerEndpoint.Parse(TestInfrastructure.DockerHost));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly DockerContainerManager _containers;
    private readonly CloudflaredFakeMasterTunnel _tunnel;
    private readonly TunnelsOptions _options;
    private readonly string _instanceId = "df-" + Guid.NewGuid().ToString("N")[..12];

    public CloudflaredSupervisorTests()
    {
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _containers = new DockerContainerManager(_docker);
        _tunnel = new CloudflaredFakeMasterTunnel($"{_prefix} Home Lab (main)", Token);
        _options = new TunnelsOptions { CloudflaredImage = TestInfrastructure.Image, CloudflaredNetworkName = _prefix + "-cf" };
    }

    private string ContainerName => CloudflaredContainerName.For(_tunnel.Name);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task EnsureOnceAsync_NothingThere_CreatesNetworkAndRunningContainerOnce()
    {
        var status = await Supervisor().EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Running, status.State);
        Assert.Equal(CloudflaredChanges.Created, status.LastChanges);
        Assert.Equal(ContainerName, status.ContainerName);
        var container = await _containers.InspectContainerAsync(ContainerName, Ct);
        Assert.NotNull(container);
        Assert.True(container.IsRunning);
        Assert.Equal("unless-stopped", container.RestartPolicy);
        Assert.Equal("dockflare", container.Labels["managed-by"]);
        Assert.Equal([_options.CloudflaredNetworkName], container.Networks.Select(n => n.Name));
        var managed = await _docker.ListContainersAsync(["managed-by"], includeStopped: true, Ct);
        Assert.Single(managed, c => c.Name.StartsWith("cloudflared-" + _prefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureOnceAsync_SecondPass_MakesNoChange()
    {
        var supervisor = Supervisor();
        var first = await supervisor.EnsureOnceAsync(Ct);

        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredChanges.None, second.LastChanges);
        Assert.Equal(first.ContainerId, second.ContainerId);
        Assert.Equal(CloudflaredState.Running, second.State);
    }

    [Fact]
    public async Task EnsureOnceAsync_Created_TokenOnlyInTheEnvironment()
    {
        var status = await Supervisor().EnsureOnceAsync(Ct);

        var raw = await _docker.Client.Containers.InspectContainerAsync(status.ContainerId, Ct);
        Assert.Contains($"TUNNEL_TOKEN={Token}", raw.Config.Env);
        Assert.DoesNotContain(raw.Config.Cmd, arg => arg.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(raw.Args, arg => arg.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(raw.Config.Labels.Values, value => value.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
        Assert.Equal(StandIn, raw.Config.Cmd);
    }

    [Fact]
    public async Task EnsureOnceAsync_TokenRotated_ReplacesTheContainer()
    {
        var supervisor = Supervisor();
        var first = await supervisor.EnsureOnceAsync(Ct);
        _tunnel.Token = RotatedToken;

        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredChanges.Replaced, second.LastChanges);
        Assert.NotEqual(first.ContainerId, second.ContainerId);
        var raw = await _docker.Client.Containers.InspectContainerAsync(second.ContainerId, Ct);
        Assert.Contains($"TUNNEL_TOKEN={RotatedToken}", raw.Config.Env);
        Assert.True(raw.State.Running);
        var managed = await _docker.ListContainersAsync(["managed-by"], includeStopped: true, Ct);
        Assert.Equal([second.ContainerId], managed.Where(c => c.Name.StartsWith("cloudflared-" + _prefix, StringComparison.Ordinal)).Select(c => c.Id));
    }

    [Fact]
    public async Task EnsureOnceAsync_B33_TokenForAnotherTunnel_ReportsFailedWithoutTheTokenAndCreatesNothing()
    {
        var other = CloudflaredFakeMasterTunnel.TokenFor("0b7a3c1a-0000-4000-8000-00000000000f", "other-secret-other");
        _tunnel.Token = other;

        var status = await Supervisor().EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Failed, status.State);
        Assert.Contains("0b7a3c1a-0000-4000-8000-00000000000f", status.LastError, StringComparison.Ordinal);
        Assert.Contains(CloudflaredFakeMasterTunnel.TunnelId, status.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(other, status.LastError, StringComparison.Ordinal);
        Assert.Null(await _containers.InspectContainerAsync(ContainerName, Ct));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(other, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureOnceAsync_ContainerStopped_StartsItWithoutReplacing()
    {
        var supervisor = Supervisor();
        var first = await supervisor.EnsureOnceAsync(Ct);
        await _docker.Client.Containers.StopContainerAsync(first.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, Ct);

        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredChanges.Started, second.LastChanges);
        Assert.Equal(first.ContainerId, second.ContainerId);
        Assert.True((await _containers.InspectContainerAsync(ContainerName, Ct))!.IsRunning);
    }

    [Fact]
    public async Task EnsureOnceAsync_NetworkRemovedAndRecreated_RecreatesTheContainer()
    {
        // B34-1: docker network rm cf-net && docker network create cf-net leaves the container with a stale id.
        var supervisor = Supervisor();
        var first = await supervisor.EnsureOnceAsync(Ct);
        await _docker.Client.Containers.StopContainerAsync(first.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, Ct);
        var oldNetwork = (await _containers.FindNetworkAsync(_options.CloudflaredNetworkName, Ct))!;
        await _docker.Client.Networks.DeleteNetworkAsync(oldNetwork, Ct);
        var newNetwork = await _containers.EnsureNetworkAsync(_options.CloudflaredNetworkName, Ct);

        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredChanges.Replaced, second.LastChanges);
        Assert.Equal(CloudflaredContainerName.Alternate(ContainerName), second.ContainerName);
        Assert.Null(await _containers.InspectContainerAsync(ContainerName, Ct));
        var container = (await _containers.InspectContainerAsync(second.ContainerName!, Ct))!;
        Assert.True(container.IsRunning);
        Assert.Equal([new ContainerNetworkAttachment(_options.CloudflaredNetworkName, newNetwork)], container.Networks);
    }

    [Fact]
    public async Task EnsureOnceAsync_NetworkSettingChanged_ConnectsTheNewAndDisconnectsTheOld()
    {
        // B34-2: CLOUDFLARED_NETWORK_NAME changed from cf to proxy.
        var first = await Supervisor().EnsureOnceAsync(Ct);
        _options.CloudflaredNetworkName = _prefix + "-proxy";

        var second = await Supervisor().EnsureOnceAsync(Ct);
        var third = await Supervisor().EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredChanges.Reattached, second.LastChanges);
        Assert.Equal(first.ContainerId, second.ContainerId);
        var container = (await _containers.InspectContainerAsync(ContainerName, Ct))!;
        Assert.Equal([_prefix + "-proxy"], container.Networks.Select(n => n.Name));
        Assert.True(container.IsRunning);
        Assert.Equal(CloudflaredChanges.None, third.LastChanges);
    }

    [Fact]
    public async Task EnsureOnceAsync_NetworkAttachedByHand_IsLeftAttached()
    {
        var supervisor = Supervisor();
        var first = await supervisor.EnsureOnceAsync(Ct);
        var apps = await _containers.EnsureNetworkAsync(_prefix + "-apps", Ct);
        await _containers.ConnectNetworkAsync(apps, first.ContainerId!, Ct);

        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredChanges.None, second.LastChanges);
        var container = (await _containers.InspectContainerAsync(ContainerName, Ct))!;
        Assert.Equal([_prefix + "-apps", _options.CloudflaredNetworkName], container.Networks.Select(n => n.Name));
    }

    [Fact]
    public async Task EnsureOnceAsync_ForeignContainerWithTheName_LeavesItAloneAndReportsConflict()
    {
        await _containers.EnsureNetworkAsync(_options.CloudflaredNetworkName, Ct);
        var foreignId = await _containers.CreateContainerAsync(
            new ManagedContainerSpec(ContainerName, TestInfrastructure.Image, ["sleep", "3600"], new Dictionary<string, string>(),
                new Dictionary<string, string> { ["owner"] = "someone-else" }, _options.CloudflaredNetworkName),
            Ct);
        var supervisor = Supervisor();

        var first = await supervisor.EnsureOnceAsync(Ct);
        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Conflict, first.State);
        Assert.Contains("not created by DockFlare", first.LastError, StringComparison.Ordinal);
        var container = (await _containers.InspectContainerAsync(ContainerName, Ct))!;
        Assert.Equal(foreignId, container.Id);
        Assert.False(container.IsRunning);
        Assert.Equal(CloudflaredState.Conflict, second.State);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(ContainerName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureOnceAsync_Created_CarriesTheInstanceLabelAndRotatedJsonLogs()
    {
        var status = await Supervisor().EnsureOnceAsync(Ct);

        var raw = await _docker.Client.Containers.InspectContainerAsync(status.ContainerId, Ct);
        Assert.Equal(_instanceId, raw.Config.Labels[CloudflaredLabels.Instance]);
        Assert.Equal("json-file", raw.HostConfig.LogConfig.Type);
        Assert.Equal("10m", raw.HostConfig.LogConfig.Config["max-size"]);
        Assert.Equal("3", raw.HostConfig.LogConfig.Config["max-file"]);
    }

    [Fact]
    public async Task EnsureOnceAsync_NoInstanceIdStored_MakesOneStoresItAndLabelsWithIt()
    {
        var store = Store(null);

        var status = await Supervisor(_tunnel, store).EnsureOnceAsync(Ct);

        var stored = await store.GetSettingAsync(CloudflaredSupervisor.InstanceIdSetting, Ct);
        Assert.NotNull(stored);
        Assert.Matches(new Regex("^df-[0-9a-f]{12}$"), stored.Value);
        Assert.False(stored.IsJson);
        Assert.Equal(CloudflaredState.Running, status.State);
        var container = (await _containers.InspectContainerAsync(ContainerName, Ct))!;
        Assert.Equal(stored.Value, container.Labels[CloudflaredLabels.Instance]);
    }

    [Fact]
    public async Task EnsureOnceAsync_SameTunnelNameRunByAnotherInstance_ReportsConflictAndLeavesItsContainer()
    {
        // Two masters on one engine, same TUNNEL_NAME, different Cloudflare accounts: other token, other instance id.
        var first = Supervisor();
        var mine = await first.EnsureOnceAsync(Ct);
        var before = await _docker.Client.Containers.InspectContainerAsync(mine.ContainerId, Ct);
        var otherInstance = "df-" + Guid.NewGuid().ToString("N")[..12];
        var second = Supervisor(new CloudflaredFakeMasterTunnel(_tunnel.Name, RotatedToken), Store(otherInstance));

        var conflict = await second.EnsureOnceAsync(Ct);
        var again = await second.EnsureOnceAsync(Ct);
        var after = await _docker.Client.Containers.InspectContainerAsync(ContainerName, Ct);
        var firstAgain = await first.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Conflict, conflict.State);
        Assert.Equal(_instanceId, conflict.OtherInstance);
        Assert.Contains($"'{_instanceId}'", conflict.LastError, StringComparison.Ordinal);
        Assert.Contains("TUNNEL_NAME", conflict.LastError, StringComparison.Ordinal);
        Assert.Equal(CloudflaredChanges.None, conflict.LastChanges);
        Assert.Equal(CloudflaredState.Conflict, again.State);
        Assert.Equal(before.ID, after.ID);
        Assert.Equal(before.Config.Labels, after.Config.Labels);
        Assert.Contains($"TUNNEL_TOKEN={Token}", after.Config.Env);
        Assert.True(after.State.Running);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(_instanceId, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(RotatedToken, StringComparison.Ordinal));
        Assert.Equal(CloudflaredState.Running, firstAgain.State);
        Assert.Equal(CloudflaredChanges.None, firstAgain.LastChanges);
        Assert.Equal(before.ID, firstAgain.ContainerId);
    }

    [Fact]
    public async Task EnsureOnceAsync_ManagedContainerWithoutInstanceLabel_IsTakenOver()
    {
        // Created before the instance label existed: otherwise as this instance would have created it.
        var network = await _containers.EnsureNetworkAsync(_options.CloudflaredNetworkName, Ct);
        var legacyId = await _containers.CreateContainerAsync(
            new ManagedContainerSpec(ContainerName, TestInfrastructure.Image, StandIn,
                new Dictionary<string, string> { [CloudflaredRunner.TokenVariable] = Token },
                new Dictionary<string, string>
                {
                    [CloudflaredLabels.ManagedBy] = CloudflaredLabels.ManagedByValue,
                    [CloudflaredLabels.ConfigHash] = CloudflaredRunner.ConfigHash(TestInfrastructure.Image, Token, StandIn),
                    [CloudflaredLabels.Network] = _options.CloudflaredNetworkName,
                    [CloudflaredLabels.TunnelId] = CloudflaredFakeMasterTunnel.TunnelId,
                },
                _options.CloudflaredNetworkName),
            Ct);
        await _containers.StartContainerAsync(legacyId, Ct);
        var supervisor = Supervisor();

        var first = await supervisor.EnsureOnceAsync(Ct);
        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Running, first.State);
        Assert.Equal(CloudflaredChanges.Replaced, first.LastChanges);
        Assert.NotEqual(legacyId, first.ContainerId);
        Assert.Null(await _containers.InspectContainerAsync(ContainerName, Ct));
        var raw = await _docker.Client.Containers.InspectContainerAsync(first.ContainerName, Ct);
        Assert.Equal(first.ContainerId, raw.ID);
        Assert.Equal(_instanceId, raw.Config.Labels[CloudflaredLabels.Instance]);
        Assert.Equal("10m", raw.HostConfig.LogConfig.Config["max-size"]);
        Assert.True(raw.State.Running);
        Assert.Equal([new ContainerNetworkAttachment(_options.CloudflaredNetworkName, network)], (await _containers.InspectContainerAsync(first.ContainerName!, Ct))!.Networks);
        Assert.Equal(CloudflaredChanges.None, second.LastChanges);
        Assert.Equal(first.ContainerId, second.ContainerId);
    }

    [Fact]
    public async Task EnsureOnceAsync_AnotherInstancesContainerForAnotherTunnel_IsNotALeftover()
    {
        // The other master followed the advice: its own TUNNEL_NAME on the same engine.
        var othersName = $"cloudflared-{_prefix}-other-master";
        await _containers.EnsureNetworkAsync(_options.CloudflaredNetworkName, Ct);
        await _containers.CreateContainerAsync(
            new ManagedContainerSpec(othersName, TestInfrastructure.Image, ["sleep", "3600"], new Dictionary<string, string>(),
                new Dictionary<string, string>
                {
                    [CloudflaredLabels.ManagedBy] = CloudflaredLabels.ManagedByValue,
                    [CloudflaredLabels.TunnelId] = "00000000-0000-0000-0000-000000000000",
                    [CloudflaredLabels.Instance] = "df-000000000000",
                },
                _options.CloudflaredNetworkName),
            Ct);

        var status = await Supervisor().EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Running, status.State);
        Assert.DoesNotContain(othersName, status.Leftovers);
        Assert.DoesNotContain(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(othersName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureOnceAsync_ImageMissingAndNotPullable_ReportsFailedNamingItAndCreatesNothing()
    {
        _options.CloudflaredImage = MissingImage;
        var supervisor = Supervisor();

        var first = await supervisor.EnsureOnceAsync(Ct);
        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Failed, first.State);
        Assert.StartsWith($"cloudflared image '{MissingImage}' is not present and could not be pulled: ", first.LastError, StringComparison.Ordinal);
        Assert.Null(first.ContainerId);
        Assert.Equal(ContainerName, first.ContainerName);
        Assert.Null(await _containers.InspectContainerAsync(ContainerName, Ct));
        Assert.Null(await _containers.FindNetworkAsync(_options.CloudflaredNetworkName, Ct));
        Assert.Equal(CloudflaredState.Failed, second.State);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(MissingImage, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureOnceAsync_ImagePresent_RunsWithoutPulling()
    {
        // The test engine cannot reach any registry: a pull would have failed the pass.
        var status = await Supervisor().EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Running, status.State);
        Assert.Null(status.LastError);
        Assert.Equal(TestInfrastructure.Image, (await _containers.InspectContainerAsync(ContainerName, Ct))!.Image);
    }

    [Fact]
    public async Task EnsureOnceAsync_ReplacementImageMissing_KeepsTheRunningContainerAndRecovers()
    {
        var supervisor = Supervisor();
        var first = await supervisor.EnsureOnceAsync(Ct);
        _options.CloudflaredImage = MissingImage;

        var second = await supervisor.EnsureOnceAsync(Ct);
        var third = await supervisor.EnsureOnceAsync(Ct);
        var kept = await _containers.InspectContainerAsync(ContainerName, Ct);
        _options.CloudflaredImage = TestInfrastructure.Image;
        var fourth = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Failed, second.State);
        Assert.Contains($"'{MissingImage}'", second.LastError, StringComparison.Ordinal);
        Assert.Equal(first.ContainerId, second.ContainerId);
        Assert.Equal(CloudflaredChanges.None, second.LastChanges);
        Assert.Equal(CloudflaredState.Failed, third.State);
        Assert.NotNull(kept);
        Assert.Equal(first.ContainerId, kept.Id);
        Assert.True(kept.IsRunning);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(MissingImage, StringComparison.Ordinal));
        Assert.Equal(CloudflaredState.Running, fourth.State);
        Assert.Equal(CloudflaredChanges.None, fourth.LastChanges);
        Assert.Equal(first.ContainerId, fourth.ContainerId);
    }

    [Fact]
    public async Task EnsureOnceAsync_ContainerLeftForAnotherTunnel_WarnsOnceAndLeavesIt()
    {
        // What a TUNNEL_NAME change leaves behind: DockFlare's cloudflared for the tunnel it used before.
        var leftoverName = $"cloudflared-{_prefix}-old-tunnel";
        await _containers.EnsureNetworkAsync(_options.CloudflaredNetworkName, Ct);
        var leftoverId = await _containers.CreateContainerAsync(
            new ManagedContainerSpec(leftoverName, TestInfrastructure.Image, ["sleep", "3600"], new Dictionary<string, string>(),
                new Dictionary<string, string>
                {
                    [CloudflaredLabels.ManagedBy] = CloudflaredLabels.ManagedByValue,
                    [CloudflaredLabels.TunnelId] = "00000000-0000-0000-0000-000000000000",
                },
                _options.CloudflaredNetworkName),
            Ct);
        var supervisor = Supervisor();

        var first = await supervisor.EnsureOnceAsync(Ct);
        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Running, first.State);
        Assert.Contains(leftoverName, first.Leftovers);
        Assert.DoesNotContain(ContainerName, first.Leftovers);
        Assert.Contains(leftoverName, second.Leftovers);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(leftoverName, StringComparison.Ordinal));
        Assert.Equal(leftoverId, (await _containers.InspectContainerAsync(leftoverName, Ct))?.Id);
    }

    [Fact]
    public async Task EnsureOnceAsync_DockerUnreachable_ReportsUnavailableAndLogsOnce()
    {
        using var down = new DockerContainerRuntime(DockerEndpoint.Parse($"unix:///tmp/{_prefix}-no-such.sock"));
        var supervisor = new CloudflaredSupervisor(
            _options, _loggers.CreateLogger<CloudflaredSupervisor>(), Account(), _tunnel, new DockerContainerManager(down), store: Store(_instanceId))
        { Command = StandIn };

        var first = await supervisor.EnsureOnceAsync(Ct);
        var second = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.DockerUnavailable, first.State);
        Assert.Equal(CloudflaredState.DockerUnavailable, second.State);
        Assert.Single(_logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task EnsureOnceAsync_CloudflareRefuses_ReportsFailedWithoutTouchingDocker()
    {
        _tunnel.Failure = new ReconcileException("Cloudflare is unreachable");

        var status = await Supervisor().EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Failed, status.State);
        Assert.Equal("Cloudflare is unreachable", status.LastError);
        Assert.Null(await _containers.FindNetworkAsync(_options.CloudflaredNetworkName, Ct));
    }

    [Theory]
    [InlineData(true, true, "USE_EXTERNAL_CLOUDFLARED")]
    [InlineData(false, false, "Cloudflare is not configured")]
    public async Task EnsureOnceAsync_ExternalModeOrNoAccount_IsDisabledAndCreatesNothing(bool external, bool configured, string reason)
    {
        _options.UseExternalCloudflared = external;
        var supervisor = new CloudflaredSupervisor(
            _options, _loggers.CreateLogger<CloudflaredSupervisor>(), configured ? Account() : new CloudflareAccount(null, false), _tunnel, _containers)
        { Command = StandIn };

        var status = await supervisor.EnsureOnceAsync(Ct);

        Assert.Equal(CloudflaredState.Disabled, status.State);
        Assert.Contains(reason, status.LastError, StringComparison.Ordinal);
        Assert.Equal(0, _tunnel.EnsureCalls);
        Assert.Null(await _containers.InspectContainerAsync(ContainerName, Ct));
    }

    [Fact]
    public async Task StartAsync_HostedService_CreatesTheContainerInTheBackground()
    {
        using var supervisor = Supervisor();

        await supervisor.StartAsync(Ct);
        await WaitFor(() => supervisor.Status.State != CloudflaredState.Unknown);

        await supervisor.StopAsync(Ct);

        Assert.Equal(CloudflaredState.Running, supervisor.Status.State);
        Assert.True((await _containers.InspectContainerAsync(ContainerName, Ct))?.IsRunning);
    }

    [Fact]
    public async Task RequestEnsure_WhileRunning_RunsAPassBeforeTheInterval()
    {
        using var supervisor = Supervisor();
        await supervisor.StartAsync(Ct);
        await WaitFor(() => supervisor.Status.State == CloudflaredState.Running);
        await _docker.Client.Containers.StopContainerAsync(
            supervisor.Status.ContainerId, new ContainerStopParameters { WaitBeforeKillSeconds = 1 }, Ct);

        supervisor.RequestEnsure();
        await WaitFor(() => supervisor.Status.LastChanges == CloudflaredChanges.Started);
        await supervisor.StopAsync(Ct);

        Assert.Equal(CloudflaredChanges.Started, supervisor.Status.LastChanges);
        Assert.True((await _containers.InspectContainerAsync(ContainerName, Ct))?.IsRunning);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var containers = await _docker.ListContainersAsync([], includeStopped: true, Ct);
        foreach (var container in containers.Where(c => c.Name.StartsWith("cloudflared-" + _prefix, StringComparison.Ordinal)))
        {
            await _containers.RemoveContainerAsync(container.Id, Ct);
        }

        var networks = await _docker.Client.Networks.ListNetworksAsync(new NetworksListParameters(), Ct);
        foreach (var network in networks.Where(n => n.Name.StartsWith(_prefix, StringComparison.Ordinal)))
        {
            await _docker.Client.Networks.DeleteNetworkAsync(network.ID, Ct);
        }
    }

    public void Dispose()
    {
        _docker.Dispose();
        _loggers.Dispose();
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static CloudflareAccount Account() => new("0123456789abcdef0123456789abcdef", IsSandbox: false);

    private CloudflaredSupervisor Supervisor() => Supervisor(_tunnel, Store(_instanceId));

    private CloudflaredSupervisor Supervisor(IMasterTunnel tunnel, IStateStore store) =>
        new(_options, _loggers.CreateLogger<CloudflaredSupervisor>(), Account(), tunnel, _containers, runtime: _docker, store: store)
        {
            Command = StandIn,
            SettleDelay = TimeSpan.FromMilliseconds(300),
        };

    /// <summary>A state store holding only settings, starting with <c>instance.id</c> = <paramref name="instanceId"/> (none when null).</summary>
    private static IStateStore Store(string? instanceId)
    {
        var settings = new Dictionary<string, SettingEntry>(StringComparer.Ordinal);
        if (instanceId is not null)
        {
            settings[CloudflaredSupervisor.InstanceIdSetting] = new SettingEntry(CloudflaredSupervisor.InstanceIdSetting, instanceId, false);
        }

        var store = Substitute.For<IStateStore>();
        store.GetSettingAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => settings.GetValueOrDefault(call.Arg<string>()));
        store.SetSettingAsync(Arg.Any<SettingEntry>(), Arg.Any<CancellationToken>())
            .Returns(call =>
            {
                var entry = call.Arg<SettingEntry>();
                settings[entry.Key] = entry;
                return Task.CompletedTask;
            });
        return store;
    }
}
