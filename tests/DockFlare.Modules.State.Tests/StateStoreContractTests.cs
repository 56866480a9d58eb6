using DockFlare.Core.State;

namespace DockFlare.Modules.State.Tests;

/// <summary>The behaviour every <see cref="IStateStore"/> must have; one subclass per implementation.</summary>
public abstract partial class StateStoreContractTests : IAsyncLifetime
{
    /// <summary>A new store instance over the same storage as every other instance of this test (a restart, or a second replica).</summary>
    private protected abstract IStateStore OpenStore();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetRoutes_NeverWritten_ReturnsEmptyAtVersionZero()
    {
        var loaded = await OpenStore().GetRoutesAsync(RouteSourceKey.Agent("nobody"));

        Assert.Equal(0, loaded.Version);
        Assert.True(loaded.Routes.IsEmpty);
    }

    [Fact]
    public async Task ReplaceRoutes_TwoWritersFromOneVersion_SecondGetsConflictAndFirstIsKept()
    {
        var first = OpenStore();
        var second = OpenStore();
        var read = await first.GetRoutesAsync(RouteSourceKey.Local);
        var winner = new RouteSet([StateSamples.Route("a.example.com")], []);

        var version = await first.ReplaceRoutesAsync(RouteSourceKey.Local, winner, read.Version);
        var conflict = await Assert.ThrowsAsync<StateConcurrencyException>(() =>
            second.ReplaceRoutesAsync(RouteSourceKey.Local, new RouteSet([StateSamples.Route("b.example.com")], []), read.Version));

        Assert.Contains("local:local", conflict.Message, StringComparison.Ordinal);
        var stored = await OpenStore().GetRoutesAsync(RouteSourceKey.Local);
        Assert.Equal(version, stored.Version);
        StateAssert.SameRoutes(winner, stored.Routes);
    }

    [Fact]
    public async Task ReplaceRoutes_ManyParallelWritersRetryingOnConflict_LoseNoUpdate()
    {
        const int writers = 24;
        var source = RouteSourceKey.Agent("busy");

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            var store = OpenStore();
            while (true)
            {
                var current = await store.GetRoutesAsync(source);
                var added = current.Routes.Routes.Append(StateSamples.Route($"h{i}.example.com")).ToList();
                try
                {
                    await store.ReplaceRoutesAsync(source, current.Routes with { Routes = added }, current.Version);
                    return;
                }
                catch (StateConcurrencyException)
                {
                    // Another writer won this round: read again and re-apply, as callers must.
                }
            }
        })));

        var final = await OpenStore().GetRoutesAsync(source);
        Assert.Equal(writers, final.Version);
        Assert.Equal(
            Enumerable.Range(0, writers).Select(i => $"h{i}.example.com").Order(StringComparer.Ordinal),
            final.Routes.Routes.Select(r => r.Hostname).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReplaceRoutes_EmptiedSource_IsNotListedButKeepsItsVersion()
    {
        var store = OpenStore();
        await store.ReplaceRoutesAsync(RouteSourceKey.Agent("a1"), StateSamples.FullSet(), 0);
        await store.ReplaceRoutesAsync(RouteSourceKey.Manual, StateSamples.FullSet(), 0);
        await store.ReplaceRoutesAsync(RouteSourceKey.Agent("a1"), RouteSet.Empty, 1);

        Assert.Equal([RouteSourceKey.Manual], await store.ListRouteSourcesAsync());
        await Assert.ThrowsAsync<StateConcurrencyException>(() =>
            store.ReplaceRoutesAsync(RouteSourceKey.Agent("a1"), StateSamples.FullSet(), 0));
        Assert.Equal(2, (await store.GetRoutesAsync(RouteSourceKey.Agent("a1"))).Version);
    }

    [Fact]
    public async Task ListRouteSources_SeveralSources_ListsEachOnceInTextOrder()
    {
        var store = OpenStore();
        foreach (var source in new[] { RouteSourceKey.Manual, RouteSourceKey.Agent("b"), RouteSourceKey.Local, RouteSourceKey.Agent("a") })
        {
            await store.ReplaceRoutesAsync(source, StateSamples.FullSet(), 0);
        }

        Assert.Equal(
            [RouteSourceKey.Agent("a"), RouteSourceKey.Agent("b"), RouteSourceKey.Local, RouteSourceKey.Manual],
            await store.ListRouteSourcesAsync());
    }

    [Fact]
    public async Task ListExpiredGraceDeadlines_MixedDeadlines_ReturnsOnlyDueOnesSoonestFirst()
    {
        var store = OpenStore();
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("late", 10));
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("due-now", 0));
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("overdue", -5));
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("moved", -60));
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("moved", 60));

        var expired = await store.ListExpiredGraceDeadlinesAsync(StateSamples.Now);

        Assert.Equal(["overdue", "due-now"], expired.Select(d => d.OwnerKey));
        Assert.Equal(["overdue", "due-now", "late", "moved"], (await store.ListGraceDeadlinesAsync()).Select(d => d.OwnerKey));
    }

    [Fact]
    public async Task GetGraceDeadlines_SomeOwners_ReturnsOnlyThoseThatHaveOneSoonestFirst()
    {
        var store = OpenStore();
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("host-1/late", 10));
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("host-1/soon", 1));
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("host-2/other", 0));

        var found = await store.GetGraceDeadlinesAsync(["host-1/late", "host-1/soon", "host-1/none", "host-1/late"]);

        Assert.Equal(["host-1/soon", "host-1/late"], found.Select(d => d.OwnerKey));
        Assert.Empty(await store.GetGraceDeadlinesAsync([]));
    }

    [Fact]
    public async Task ClearGraceDeadline_SetThenCleared_ReturnsTrueOnceAndIsNoLongerExpired()
    {
        var store = OpenStore();
        await store.SetGraceDeadlineAsync(StateSamples.Deadline("host-1/nas", -1));

        Assert.True(await store.ClearGraceDeadlineAsync("host-1/nas"));
        Assert.False(await store.ClearGraceDeadlineAsync("host-1/nas"));
        Assert.Empty(await store.ListExpiredGraceDeadlinesAsync(StateSamples.Now));
    }

    [Fact]
    public async Task RemoveOwnership_OneOfTwoKinds_RemovesOnlyThatRecord()
    {
        var store = OpenStore();
        await store.PutOwnershipAsync(StateSamples.Ownership(OwnedObjectKind.DnsRecord, "same-id"));
        await store.PutOwnershipAsync(StateSamples.Ownership(OwnedObjectKind.AccessApp, "same-id"));
        await store.PutOwnershipAsync(StateSamples.Ownership(OwnedObjectKind.DnsRecord, "other"));

        Assert.True(await store.RemoveOwnershipAsync(OwnedObjectKind.DnsRecord, "same-id"));
        Assert.False(await store.RemoveOwnershipAsync(OwnedObjectKind.DnsRecord, "same-id"));

        Assert.Equal(["other"], (await store.ListOwnershipAsync(OwnedObjectKind.DnsRecord)).Select(r => r.CloudflareId));
        Assert.Equal(["same-id"], (await store.ListOwnershipAsync(OwnedObjectKind.AccessApp)).Select(r => r.CloudflareId));
    }

    [Fact]
    public async Task RemoveSetting_Existing_RemovesOnlyThatKeyAndSaysSo()
    {
        var store = OpenStore();
        await store.SetSettingAsync(new SettingEntry("auth.user.a", "{}", true));
        await store.SetSettingAsync(new SettingEntry("auth.user.b", "{}", true));

        Assert.True(await store.RemoveSettingAsync("auth.user.a"));
        Assert.False(await OpenStore().RemoveSettingAsync("auth.user.a"));
        Assert.Equal([new SettingEntry("auth.user.b", "{}", true)], await OpenStore().ListSettingsAsync());
    }

    [Fact]
    public async Task SetSetting_SameKeyTwice_ReplacesAndListsByKey()
    {
        var store = OpenStore();
        await store.SetSettingAsync(new SettingEntry("z", "1", false));
        await store.SetSettingAsync(new SettingEntry("a", "old", false));
        await store.SetSettingAsync(new SettingEntry("a", "[1,2]", true));

        Assert.Equal([new SettingEntry("a", "[1,2]", true), new SettingEntry("z", "1", false)], await store.ListSettingsAsync());
        Assert.Null(await store.GetSettingAsync("missing"));
    }

    [Fact]
    public async Task CompareAndSetSetting_TwoWritersFromOneRead_SecondIsRefusedAndFirstIsKept()
    {
        var first = OpenStore();
        var second = OpenStore();
        await first.SetSettingAsync(new SettingEntry("access.groups", "[]", true));
        var read = await first.GetSettingAsync("access.groups");

        Assert.True(await first.CompareAndSetSettingAsync(new SettingEntry("access.groups", "[1]", true), read));
        Assert.False(await second.CompareAndSetSettingAsync(new SettingEntry("access.groups", "[2]", true), read));

        Assert.Equal(new SettingEntry("access.groups", "[1]", true), await OpenStore().GetSettingAsync("access.groups"));
    }

    [Fact]
    public async Task CompareAndSetSetting_ExpectedAbsent_StoresOnlyWhileTheKeyHasNoEntry()
    {
        var store = OpenStore();

        Assert.True(await store.CompareAndSetSettingAsync(new SettingEntry("fresh", "a", false), null));
        Assert.False(await OpenStore().CompareAndSetSettingAsync(new SettingEntry("fresh", "b", false), null));

        Assert.Equal(new SettingEntry("fresh", "a", false), await OpenStore().GetSettingAsync("fresh"));
    }

    [Fact]
    public async Task CompareAndSetSetting_ConcurrentIncrements_NoneIsLost()
    {
        const int Writers = 8;
        await OpenStore().SetSettingAsync(new SettingEntry("counter", "0", true));

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            var store = OpenStore();
            while (true)
            {
                var read = await store.GetSettingAsync("counter");
                var next = new SettingEntry("counter", (int.Parse(read!.Value, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), true);
                if (await store.CompareAndSetSettingAsync(next, read))
                {
                    return;
                }
            }
        })));

        Assert.Equal(Writers.ToString(System.Globalization.CultureInfo.InvariantCulture), (await OpenStore().GetSettingAsync("counter"))!.Value);
    }

    [Fact]
    public async Task CompareAndSetSetting_MarkedJsonButInvalid_ThrowsAndStoresNothing()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => OpenStore().CompareAndSetSettingAsync(new SettingEntry("bad", "{not json", true), null));

        Assert.Null(await OpenStore().GetSettingAsync("bad"));
    }

    [Fact]
    public async Task SetSetting_MarkedJsonButInvalid_ThrowsAndStoresNothing()
    {
        var store = OpenStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SetSettingAsync(new SettingEntry("bad", "{not json", true)));

        Assert.Null(await store.GetSettingAsync("bad"));
    }

    [Fact]
    public async Task ReadChanges_ThreePagesNewestFirst_CoverEveryEntryOnce()
    {
        var store = OpenStore();
        for (var i = 0; i < 7; i++)
        {
            await store.AppendChangeAsync(StateSamples.Change($"t{i}"));
        }

        var first = await store.ReadChangesAsync(null, 3);
        var second = await store.ReadChangesAsync(first[^1].Sequence, 3);
        var third = await store.ReadChangesAsync(second[^1].Sequence, 3);

        Assert.Equal(["t6", "t5", "t4"], first.Select(c => c.Target));
        Assert.Equal(["t3", "t2", "t1"], second.Select(c => c.Target));
        Assert.Equal(["t0"], third.Select(c => c.Target));
        Assert.Equal([7L, 6, 5, 4, 3, 2, 1], first.Concat(second).Concat(third).Select(c => c.Sequence));
    }

    [Fact]
    public async Task AppendChange_ParallelAppenders_GetUniqueIncreasingSequences()
    {
        const int appends = 40;
        var entries = await Task.WhenAll(Enumerable.Range(0, appends)
            .Select(i => Task.Run(() => OpenStore().AppendChangeAsync(StateSamples.Change($"t{i}")))));

        Assert.Equal(Enumerable.Range(1, appends).Select(i => (long)i), entries.Select(e => e.Sequence).Order());
        var read = await OpenStore().ReadChangesAsync(null, appends);
        Assert.Equal(
            entries.Select(e => e.Sequence).OrderDescending().Take(MaxChangeLogLength),
            read.Select(e => e.Sequence));
    }

    [Fact]
    public async Task AppendChange_BeyondMaxLength_KeepsTheNewestAndNeverReusesSequences()
    {
        var store = OpenStore();
        for (var i = 0; i < MaxChangeLogLength + 3; i++)
        {
            await store.AppendChangeAsync(StateSamples.Change($"t{i}"));
        }

        var kept = await store.ReadChangesAsync(null, 100);

        Assert.Equal(MaxChangeLogLength, kept.Count);
        Assert.Equal(MaxChangeLogLength + 3, kept[0].Sequence);
        Assert.Equal(4, kept[^1].Sequence);
        Assert.Equal(MaxChangeLogLength + 4, (await store.AppendChangeAsync(StateSamples.Change())).Sequence);
    }

    [Fact]
    public async Task ReadChanges_ZeroLimit_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => OpenStore().ReadChangesAsync(null, 0));
    }

    /// <summary>The change-log cap the subclasses open their stores with.</summary>
    private protected const int MaxChangeLogLength = 10;
}
