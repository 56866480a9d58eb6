using DockFlare.Core.Engine;
using DockFlare.Core.State;
using DockFlare.Host.Api;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace DockFlare.Host.Tests;

public sealed class ManualRuleStoreTests
{
    private static readonly ManualRule Theirs = new("theirs", "main", "a.example.com", "http://a:1");
    private static readonly ManualRule Mine = new("mine", "main", "b.example.com", "http://b:1");

    [Fact]
    public async Task Update_AnotherWriterWonFirst_AppliesTheChangeAgainOnTheNewVersion()
    {
        var state = Substitute.For<IStateStore>();
        state.GetRoutesAsync(RouteSourceKey.Manual, Arg.Any<CancellationToken>()).Returns(
            new VersionedRouteSet(RouteSourceKey.Manual, RouteSet.Empty, 1),
            new VersionedRouteSet(RouteSourceKey.Manual, new RouteSet([], [Theirs]), 2));
        state.ReplaceRoutesAsync(RouteSourceKey.Manual, Arg.Any<RouteSet>(), 1, Arg.Any<CancellationToken>())
            .ThrowsAsync(new StateConcurrencyException("version 2 is stored"));
        state.ReplaceRoutesAsync(RouteSourceKey.Manual, Arg.Any<RouteSet>(), 2, Arg.Any<CancellationToken>()).Returns(3L);
        var store = new ManualRuleStore(state, NullLogger<ManualRuleStore>.Instance);

        var result = await store.UpdateAsync(rules => { rules.Add(Mine); return (true, "added"); }, CancellationToken.None);

        Assert.Equal("added", result);
        await state.Received(1).ReplaceRoutesAsync(
            RouteSourceKey.Manual, Arg.Is<RouteSet>(s => s.ManualRules.SequenceEqual(new[] { Theirs, Mine })), 2, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Update_AlwaysLosing_GivesUpAfterMaxAttempts()
    {
        var state = Substitute.For<IStateStore>();
        state.GetRoutesAsync(RouteSourceKey.Manual, Arg.Any<CancellationToken>()).Returns(new VersionedRouteSet(RouteSourceKey.Manual, RouteSet.Empty, 1));
        state.ReplaceRoutesAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new StateConcurrencyException("lost"));
        var store = new ManualRuleStore(state, NullLogger<ManualRuleStore>.Instance);

        await Assert.ThrowsAsync<StateConcurrencyException>(() => store.UpdateAsync(rules => { rules.Add(Mine); return (true, 0); }, CancellationToken.None));

        await state.ReceivedWithAnyArgs(ManualRuleStore.MaxAttempts).ReplaceRoutesAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Update_EditChangesNothing_DoesNotWrite()
    {
        var state = Substitute.For<IStateStore>();
        state.GetRoutesAsync(RouteSourceKey.Manual, Arg.Any<CancellationToken>()).Returns(new VersionedRouteSet(RouteSourceKey.Manual, RouteSet.Empty, 0));
        var store = new ManualRuleStore(state, NullLogger<ManualRuleStore>.Instance);

        var found = await store.UpdateAsync(rules => (false, rules.Count), CancellationToken.None);

        Assert.Equal(0, found);
        await state.DidNotReceiveWithAnyArgs().ReplaceRoutesAsync(default!, default!, default, default);
    }
}
