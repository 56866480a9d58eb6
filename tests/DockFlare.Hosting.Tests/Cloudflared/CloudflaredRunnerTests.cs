using DockFlare.Hosting.Cloudflared;
using DockFlare.Plugins.Abstractions;
using DockFlare.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DockFlare.Hosting.Tests.Cloudflared;

/// <summary>The shared runner against the private test dockerd: safe replacement (B29) and duplicate connectors.</summary>
public sealed class CloudflaredRunnerTests : IAsyncLifetime, IDisposable
{
    private const string TunnelId = "2d6c9a41-0000-4000-8000-0000000000b2";

    // A stand-in for cloudflared that idles until stopped (as PID 1 it needs its own TERM handler).
    private static readonly IReadOnlyList<string> StandIn = ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"];

    private readonly TestDocker _docker = new();
    private readonly string _owner = "df-" + Guid.NewGuid().ToString("N")[..12];

    private static CancellationToken Ct => CancellationToken.None;

    private string Name => $"cloudflared-{_docker.Prefix}";

    [Fact]
    public async Task B29_RedeployWithDeleteAllowed_LeavesExactlyOneRunningContainer()
    {
        var runner = Runner(_docker.Containers);
        var first = await runner.EnsureAsync(Target(), Ct);

        var second = await runner.RedeployAsync(Target(), Ct);
        var third = await runner.RedeployAsync(Target(), Ct);

        Assert.Equal(CloudflaredChanges.Created, first.LastChanges);
        Assert.Equal(CloudflaredState.Running, second.State);
        Assert.Equal(CloudflaredChanges.Replaced, second.LastChanges);
        Assert.Equal(CloudflaredContainerName.Alternate(Name), second.ContainerName);
        Assert.Equal(CloudflaredState.Running, third.State);
        Assert.Equal(Name, third.ContainerName);
        var left = Assert.Single(await _docker.ManagedAsync(Name));
        Assert.Equal(third.ContainerId, left.Id);
        Assert.True(left.IsRunning);
    }

    [Fact]
    public async Task B29_RedeployWithDeleteForbidden_KeepsTheOldRunningAndReportsTheRefusal()
    {
        var old = await Runner(_docker.Containers).EnsureAsync(Target(), Ct);
        var proxy = ForbiddingDelete(_docker.Containers);

        var redeploy = await Runner(proxy).RedeployAsync(Target(), Ct);

        Assert.Equal(CloudflaredState.Failed, redeploy.State);
        Assert.Contains($"'{Name}' could not be removed", redeploy.LastError, StringComparison.Ordinal);
        Assert.Contains("403 Forbidden", redeploy.LastError, StringComparison.Ordinal);
        Assert.Contains("DELETE", redeploy.LastError, StringComparison.Ordinal);
        var kept = await _docker.Containers.InspectContainerAsync(Name, Ct);
        Assert.NotNull(kept);
        Assert.Equal(old.ContainerId, kept.Id);
        Assert.True(kept.IsRunning);
        // The tunnel is never without a connector: the new container runs too, and the error says both serve.
        Assert.True((await _docker.Containers.InspectContainerAsync(redeploy.ContainerName!, Ct))!.IsRunning);
        Assert.Contains("two connectors", redeploy.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B29_DeleteAllowedAgainAfterARefusal_NextPassRemovesTheOld()
    {
        await Runner(_docker.Containers).EnsureAsync(Target(), Ct);
        var refused = await Runner(ForbiddingDelete(_docker.Containers)).RedeployAsync(Target(), Ct);

        var next = await Runner(_docker.Containers).EnsureAsync(Target(), Ct);

        Assert.Equal(CloudflaredState.Failed, refused.State);
        Assert.Equal(CloudflaredState.Running, next.State);
        Assert.Equal(CloudflaredChanges.Removed, next.LastChanges);
        Assert.Equal(refused.ContainerId, next.ContainerId);
        Assert.Equal(next.ContainerId, Assert.Single(await _docker.ManagedAsync(Name)).Id);
    }

    [Fact]
    public async Task B29_ReplacementThatDoesNotKeepRunning_IsRemovedAndTheOldKeepsRunning()
    {
        var runner = Runner(_docker.Containers);
        var old = await runner.EnsureAsync(Target(), Ct);

        var failed = await runner.EnsureAsync(Target() with { Command = ["sh", "-c", "exit 3"] }, Ct);

        Assert.Equal(CloudflaredState.Failed, failed.State);
        Assert.Contains($"'{CloudflaredContainerName.Alternate(Name)}' did not keep running", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(old.ContainerId, failed.ContainerId);
        var left = Assert.Single(await _docker.ManagedAsync(Name));
        Assert.Equal(old.ContainerId, left.Id);
        Assert.True(left.IsRunning);
    }

    [Fact]
    public async Task EnsureAsync_DuplicateOfTheSameOwnerAndTunnelUnderAnotherName_IsRemovedOnceTheNewRuns()
    {
        var duplicate = $"{Name}-legacy";
        await _docker.Containers.EnsureNetworkAsync(Network, Ct);
        var duplicateId = await _docker.Containers.CreateContainerAsync(
            new ManagedContainerSpec(duplicate, TestInfrastructure.Image, StandIn, new Dictionary<string, string>(),
                new Dictionary<string, string>
                {
                    [CloudflaredLabels.ManagedBy] = CloudflaredLabels.ManagedByValue,
                    [CloudflaredLabels.TunnelId] = TunnelId,
                    [CloudflaredLabels.Instance] = _owner,
                },
                Network),
            Ct);
        await _docker.Containers.StartContainerAsync(duplicateId, Ct);

        var status = await Runner(_docker.Containers).EnsureAsync(Target(), Ct);

        Assert.Equal(CloudflaredState.Running, status.State);
        Assert.Equal(CloudflaredChanges.Created | CloudflaredChanges.Removed, status.LastChanges);
        Assert.Null(await _docker.Containers.InspectContainerAsync(duplicate, Ct));
        Assert.Equal(status.ContainerId, Assert.Single(await _docker.ManagedAsync(Name)).Id);
    }

    [Fact]
    public async Task EnsureAsync_AnotherOwnersContainerForTheSameTunnel_IsLeftAlone()
    {
        var theirs = $"{Name}-theirs";
        await _docker.Containers.EnsureNetworkAsync(Network, Ct);
        var theirsId = await _docker.Containers.CreateContainerAsync(
            new ManagedContainerSpec(theirs, TestInfrastructure.Image, StandIn, new Dictionary<string, string>(),
                new Dictionary<string, string>
                {
                    [CloudflaredLabels.ManagedBy] = CloudflaredLabels.ManagedByValue,
                    [CloudflaredLabels.TunnelId] = TunnelId,
                    [CloudflaredLabels.Instance] = "df-000000000000",
                },
                Network),
            Ct);

        await Runner(_docker.Containers).EnsureAsync(Target(), Ct);

        Assert.Equal(theirsId, (await _docker.Containers.InspectContainerAsync(theirs, Ct))?.Id);
    }

    [Fact]
    public async Task RemoveAsync_AfterAReplacement_RemovesEveryContainerOfTheOwner()
    {
        var runner = Runner(_docker.Containers);
        await runner.EnsureAsync(Target(), Ct);
        await runner.RedeployAsync(Target(), Ct);

        var removed = await runner.RemoveAsync(Name, _owner, Ct);
        var again = await runner.RemoveAsync(Name, _owner, Ct);

        Assert.Equal(CloudflaredState.Missing, removed.State);
        Assert.Equal(CloudflaredChanges.Removed, removed.LastChanges);
        Assert.Empty(await _docker.ManagedAsync(Name));
        Assert.Equal(CloudflaredChanges.None, again.LastChanges);
        Assert.Equal(CloudflaredState.Missing, (await runner.InspectAsync(Name, _owner, Ct)).State);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _docker.CleanUpAsync();

    public void Dispose() => _docker.Dispose();

    private string Network => _docker.Prefix + "-net";

    private CloudflaredRunner Runner(IContainerManager containers) =>
        new(containers, _docker.Runtime) { SettleDelay = TimeSpan.FromMilliseconds(500) };

    private CloudflaredTarget Target() =>
        new(Name, TunnelId, TestTokens.For(TunnelId), TestInfrastructure.Image, Network, _owner) { Command = StandIn };

    /// <summary>
    /// The real manager behind a Docker socket proxy that forbids DELETE: every call goes through except a removal,
    /// which is refused the way the provider reports a 403.
    /// </summary>
    private static IContainerManager ForbiddingDelete(IContainerManager real)
    {
        var proxy = ContainerManagers.Forwarding(real);
        proxy.RemoveContainerAsync(default!, default).ThrowsAsyncForAnyArgs(
            c => new ContainerOperationException($"Docker refused to remove container '{c.ArgAt<string>(0)}': 403 Forbidden (the socket proxy does not allow DELETE)"));
        return proxy;
    }
}
