namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Accounts, members and zones through the provider.</summary>
public sealed class AccountAndZoneContractTests
{
    [Fact]
    public async Task ListAccounts_DefaultSeed_ReturnsTheAccount()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var accounts = await h.Accounts.ListAccountsAsync(CloudflareHarness.Ct);

        Assert.Equal((h.AccountId, "DockFlare Emulator"), (Assert.Single(accounts).Id, accounts[0].Name));
    }

    [Fact]
    public async Task ListAccountMembers_DefaultSeed_ReturnsAdministrator()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var members = await h.Accounts.ListAccountMembersAsync(h.AccountId, CloudflareHarness.Ct);

        Assert.Equal(("admin@example.com", "Administrator"), (Assert.Single(members).Email, members[0].Roles.Single()));
    }

    [Fact]
    public async Task ListZones_MoreThanOnePage_ReturnsEveryZone()
    {
        await using var h = await CloudflareHarness.StartAsync(Seeds.WithZones(120));

        var zones = await h.Zones.ListZonesAsync(new ZoneQuery(AccountId: h.AccountId, Status: "active"), CloudflareHarness.Ct);

        Assert.Equal(121, zones.Count);
        Assert.Equal(3, h.Requests.Count);
        Assert.All(zones, z => Assert.Equal((h.AccountId, "active"), (z.AccountId, z.Status)));
    }

    [Fact]
    public async Task ListZones_ByName_ReturnsExactlyOne()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var zones = await h.Zones.ListZonesAsync(new ZoneQuery(h.AccountId, "example.org", "active"), CloudflareHarness.Ct);

        Assert.Equal(h.Emulator.ZoneIds["example.org"], Assert.Single(zones).Id);
        Assert.Contains("account.id=" + h.AccountId, h.Requests.Single().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetZone_KnownAndUnknown_ReturnsZoneOrNull()
    {
        await using var h = await CloudflareHarness.StartAsync(new DockFlare.CloudflareEmulator.EmulatorOptions { UnknownZoneCode = 7003 });

        var zone = await h.Zones.GetZoneAsync(h.ZoneId, CloudflareHarness.Ct);
        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.GetZoneAsync(new string('a', 32), CloudflareHarness.Ct));

        Assert.Equal(("example.com", "full", false), (zone!.Name, zone.Type, zone.Paused));
        Assert.True(ex.HasCode(7003));
        Assert.False(ex.IsNotFound);
    }
}
