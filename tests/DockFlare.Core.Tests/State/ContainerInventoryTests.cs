using DockFlare.Core.Engine;
using DockFlare.Core.State;

namespace DockFlare.Core.Tests.State;

public sealed class ContainerInventoryTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["dockflare.enable"] = "true", ["dockflare.hostname"] = "app.example.com" };

    private static ContainerInput Container(string id, string name, ContainerState state = ContainerState.Running) =>
        new(id, name, "local", new Dictionary<string, string>(Labels), state) { ClaimedSince = DateTimeOffset.UnixEpoch };

    [Fact]
    public void Merge_NewRunningContainer_StoresItWithoutDeadline()
    {
        var change = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>());

        Assert.True(change.Changed);
        Assert.Equal("local/app", Assert.Single(change.Containers).OwnerKey);
        Assert.Empty(change.StartDeadlines);
        Assert.Empty(change.ClearDeadlines);
    }

    [Fact]
    public void Merge_SameListTwice_ReportsNoChange()
    {
        var first = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>());
        var second = ContainerInventory.Merge(first.Containers, [Container("a1", "app")], new HashSet<string>());

        Assert.False(second.Changed);
        Assert.Empty(second.StartDeadlines);
    }

    [Fact]
    public void Merge_ContainerStopped_KeepsItStoppedAndStartsDeadline_B14()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;

        var change = ContainerInventory.Merge(stored, [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>());

        Assert.Equal(ContainerState.Stopped, Assert.Single(change.Containers).Container.State);
        Assert.Equal(["local/app"], change.StartDeadlines);
        Assert.Single(ContainerInventory.ForEngine(change.Containers));
    }

    [Fact]
    public void Merge_ContainerRemoved_KeepsItAsStoppedAndAbsentUntilGraceEnds_B14()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;

        var change = ContainerInventory.Merge(stored, [], new HashSet<string>());

        var kept = Assert.Single(change.Containers);
        Assert.False(kept.Present);
        Assert.Equal(ContainerState.Stopped, Assert.Single(ContainerInventory.ForEngine(change.Containers)).State);
        Assert.Equal(["local/app"], change.StartDeadlines);
    }

    [Fact]
    public void Merge_RecreatedWithNewIdWithinGrace_CancelsDeadlineAndKeepsClaimTime_B14()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;
        var removed = ContainerInventory.Merge(stored, [], new HashSet<string>()).Containers;
        var recreated = Container("b2", "app") with { ClaimedSince = DateTimeOffset.UnixEpoch.AddDays(1) };

        var change = ContainerInventory.Merge(removed, [recreated], new HashSet<string> { "local/app" });

        var entry = Assert.Single(change.Containers);
        Assert.Equal("b2", entry.Container.Id);
        Assert.True(entry.Present);
        Assert.Equal(DateTimeOffset.UnixEpoch, entry.Container.ClaimedSince);
        Assert.Equal(["local/app"], change.ClearDeadlines);
    }

    [Fact]
    public void Merge_StoppedWithExistingDeadline_DoesNotMoveTheDeadline()
    {
        var running = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;
        var stored = ContainerInventory.Merge(running, [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>()).Containers;

        var change = ContainerInventory.Merge(stored, [Container("a1", "app", ContainerState.Stopped)], new HashSet<string> { "local/app" });

        Assert.Empty(change.StartDeadlines);
        Assert.False(change.Changed);
    }

    [Fact]
    public void Expire_StoppedContainer_IsMarkedExpiredAndLeavesTheEngineInput_B14()
    {
        var running = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;
        var stored = ContainerInventory.Merge(running, [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>()).Containers;
        Assert.False(Assert.Single(stored).Expired);

        var expired = ContainerInventory.Expire(stored, new HashSet<string> { "local/app" });

        Assert.True(Assert.Single(expired).Expired);
        Assert.Empty(ContainerInventory.ForEngine(expired));
    }

    [Fact]
    public void Expire_RemovedContainer_IsDropped()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;
        var removed = ContainerInventory.Merge(stored, [], new HashSet<string>()).Containers;

        Assert.Empty(ContainerInventory.Expire(removed, new HashSet<string> { "local/app" }));
    }

    [Fact]
    public void Expire_ContainerRunningAgain_IsKept()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;

        var expired = ContainerInventory.Expire(stored, new HashSet<string> { "local/app" });

        Assert.False(Assert.Single(expired).Expired);
    }

    [Fact]
    public void Merge_ExpiredContainerStillStopped_StaysExpiredWithoutNewDeadline()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>()).Containers;
        var expired = ContainerInventory.Expire(stored, new HashSet<string> { "local/app" });

        var change = ContainerInventory.Merge(expired, [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>());

        Assert.True(Assert.Single(change.Containers).Expired);
        Assert.Empty(change.StartDeadlines);
        Assert.False(change.Changed);
    }

    [Fact]
    public void Merge_ExpiredContainerStartsAgain_ComesBack()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>()).Containers;
        var expired = ContainerInventory.Expire(stored, new HashSet<string> { "local/app" });

        var change = ContainerInventory.Merge(expired, [Container("a1", "app")], new HashSet<string>());

        Assert.False(Assert.Single(change.Containers).Expired);
        Assert.Single(ContainerInventory.ForEngine(change.Containers));
    }

    [Fact]
    public void Merge_ExpiredContainerRemoved_IsDropped()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>()).Containers;
        var expired = ContainerInventory.Expire(stored, new HashSet<string> { "local/app" });

        var change = ContainerInventory.Merge(expired, [], new HashSet<string>());

        Assert.Empty(change.Containers);
        Assert.Empty(change.StartDeadlines);
    }

    [Fact]
    public void Merge_LabelsChanged_ReportsChange()
    {
        var stored = ContainerInventory.Merge([], [Container("a1", "app")], new HashSet<string>()).Containers;
        var relabelled = Container("a1", "app") with { Labels = new Dictionary<string, string>(Labels) { ["dockflare.hostname"] = "other.example.com" } };

        Assert.True(ContainerInventory.Merge(stored, [relabelled], new HashSet<string>()).Changed);
    }

    [Fact]
    public void Merge_FirstSeenAlreadyStopped_IsNotPublishedAndGetsNoDeadline()
    {
        var change = ContainerInventory.Merge([], [Container("a1", "app", ContainerState.Stopped)], new HashSet<string>());

        Assert.True(Assert.Single(change.Containers).Expired);
        Assert.Empty(change.StartDeadlines);
        Assert.Empty(ContainerInventory.ForEngine(change.Containers));

        var started = ContainerInventory.Merge(change.Containers, [Container("a1", "app")], new HashSet<string>());
        Assert.Single(ContainerInventory.ForEngine(started.Containers));
    }
}
