using DockFlare.Core.State;

namespace DockFlare.Modules.State.Tests;

/// <summary>Case B13: every field of every record type survives a save, a restart and a load.</summary>
public abstract partial class StateStoreContractTests
{
    [Fact]
    public async Task B13_GetRoutes_AfterReplaceWithEveryField_ReturnsEqualRoutesAfterRestart()
    {
        var routes = StateSamples.FullSet();
        await OpenStore().ReplaceRoutesAsync(RouteSourceKey.Local, routes, 0);

        var loaded = await OpenStore().GetRoutesAsync(RouteSourceKey.Local);

        Assert.Equal(1, loaded.Version);
        StateAssert.SameRoutes(routes, loaded.Routes);
        Assert.Equal("nas.internal.example", loaded.Routes.Routes[0].OriginRequest?.OriginServerName);
        Assert.Equal(["admins", "ops"], loaded.Routes.Routes[0].Access.Groups);
    }

    [Fact]
    public async Task B13_GetRoutes_ManualRuleWithSniAndAccessGroup_KeepsEveryOption()
    {
        var rule = StateSamples.ManualRule();
        await OpenStore().ReplaceRoutesAsync(RouteSourceKey.Manual, new RouteSet([], [rule]), 0);

        var loaded = (await OpenStore().GetRoutesAsync(RouteSourceKey.Manual)).Routes.ManualRules.Single();

        StateAssert.SameData(rule, loaded);
        Assert.Equal("nas.internal.example", loaded.OriginOptions!["originsrvname"]);
        Assert.Equal("admins", loaded.AccessOptions!["access.group"]);
        Assert.Equal(rule.CreatedAt, loaded.CreatedAt);
    }

    [Fact]
    public async Task B13_ListGraceDeadlines_AfterSet_ReturnsEqualDeadline()
    {
        var deadline = StateSamples.Deadline("host-1/nas", 10);
        await OpenStore().SetGraceDeadlineAsync(deadline);

        Assert.Equal([deadline], await OpenStore().ListGraceDeadlinesAsync());
    }

    [Theory]
    [InlineData(OwnedObjectKind.DnsRecord)]
    [InlineData(OwnedObjectKind.AccessApp)]
    [InlineData(OwnedObjectKind.AccessPolicy)]
    [InlineData(OwnedObjectKind.Tunnel)]
    [InlineData(OwnedObjectKind.IngressRule)]
    public async Task B13_ListOwnership_AfterPut_ReturnsEqualRecord(OwnedObjectKind kind)
    {
        var record = StateSamples.Ownership(kind);
        await OpenStore().PutOwnershipAsync(record);

        Assert.Equal([record], await OpenStore().ListOwnershipAsync(kind));
    }

    [Theory]
    [InlineData("tunnel_name", "dockflare-host", false)]
    [InlineData("scan_zones", """{"zones":["example.com","example.co.uk"],"n":1.50}""", true)]
    public async Task B13_GetSetting_AfterSet_ReturnsEqualEntry(string key, string value, bool isJson)
    {
        var setting = new SettingEntry(key, value, isJson);
        await OpenStore().SetSettingAsync(setting);

        Assert.Equal(setting, await OpenStore().GetSettingAsync(key));
    }

    [Fact]
    public async Task B13_ReadChanges_AfterAppend_ReturnsEqualEntry()
    {
        var draft = StateSamples.Change();
        var appended = await OpenStore().AppendChangeAsync(draft);

        var read = Assert.Single(await OpenStore().ReadChangesAsync(null, 10));

        Assert.Equal(appended, read);
        Assert.Equal(ChangeLogEntry.From(appended.Sequence, draft), read);
    }
}
