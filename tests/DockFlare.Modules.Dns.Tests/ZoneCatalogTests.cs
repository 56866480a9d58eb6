using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.Logging;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Dns.Tests;

public sealed class ZoneCatalogTests
{
    private static readonly CancellationToken Ct = CloudflareHarness.Ct;

    [Fact]
    public async Task ListAsync_AccountWithSeveralZones_ReturnsOnlyItsActiveZonesByName()
    {
        await using var sandbox = await DnsSandbox.StartAsync();

        var zones = await sandbox.Catalog.ListAsync(Ct);

        Assert.Equal([sandbox.Zone("example.co.uk"), sandbox.Zone("example.com"), sandbox.Zone("example.net")], zones);
        var call = Assert.Single(sandbox.Harness.Requests);
        Assert.Equal("/zones", call.Path);
        Assert.Contains("status=active", call.Query, StringComparison.Ordinal);
        Assert.Contains("account.id=" + sandbox.Harness.AccountId, call.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_MoreZonesThanOnePage_ReturnsEveryZoneLowerCase()
    {
        var names = Enumerable.Range(0, 120).Select(i => $"Zone{i:000}.Example").ToList();
        var seed = DnsSandbox.Seed with { Accounts = [new SeedAccount { Zones = [.. names.Select(n => new SeedZone { Name = n })] }] };
        await using var sandbox = await DnsSandbox.StartAsync(emulator: new EmulatorOptions { Seed = seed });

        var zones = await sandbox.Catalog.ListAsync(Ct);

        Assert.Equal(names.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal), zones.Select(z => z.Name));
        Assert.True(sandbox.Harness.Requests.Count(r => r.Path == "/zones") >= 3);
    }

    [Fact]
    public async Task ListAsync_CalledAgainWithinOneMinute_ListsZonesOnlyOnce()
    {
        await using var sandbox = await DnsSandbox.StartAsync();

        var first = await sandbox.Catalog.ListAsync(Ct);
        sandbox.Clock.Advance(TimeSpan.FromSeconds(59));
        var second = await sandbox.Catalog.ListAsync(Ct);
        await sandbox.Catalog.GetDefaultZoneAsync(Ct);

        Assert.Same(first, second);
        Assert.Single(sandbox.Harness.Requests, r => r.Path == "/zones");
    }

    [Fact]
    public async Task ListAsync_AfterTheCacheExpires_ListsZonesAgain()
    {
        await using var sandbox = await DnsSandbox.StartAsync();

        await sandbox.Catalog.ListAsync(Ct);
        sandbox.Clock.Advance(ZoneCatalog.CacheDuration);
        await sandbox.Catalog.ListAsync(Ct);

        Assert.Equal(2, sandbox.Harness.Requests.Count(r => r.Path == "/zones"));
    }

    [Fact]
    public async Task ListAsync_ConcurrentCallers_ShareOneListing()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        sandbox.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", DelayMs = 200, Count = 1 });

        var lists = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sandbox.Catalog.ListAsync(Ct)));

        Assert.All(lists, l => Assert.Equal(3, l.Count));
        Assert.Single(sandbox.Harness.Requests, r => r.Path == "/zones");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task ListAsync_CloudflareFails_ThrowsReconcileExceptionThatNamesTheCallAndHidesTheToken(int status)
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        sandbox.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Status = status, Code = 10000 + status, Message = "injected failure", Count = 0 });

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => sandbox.Catalog.ListAsync(Ct));

        Assert.IsNotType<ReconcileConflictException>(ex);
        Assert.Contains("Listing the zones of Cloudflare account " + sandbox.Harness.AccountId, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("injected failure", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Harness.Emulator.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Harness.Logs.Entries, e => e.Message.Contains(sandbox.Harness.Emulator.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListAsync_AfterAFailure_TriesAgainAtTheNextCall()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        sandbox.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Status = 503, Count = 0 });
        await Assert.ThrowsAsync<ReconcileException>(() => sandbox.Catalog.ListAsync(Ct));
        sandbox.Harness.Emulator.ClearFaults();

        var zones = await sandbox.Catalog.ListAsync(Ct);

        Assert.Equal(3, zones.Count);
    }

    [Fact]
    public async Task ListAsync_AccountNotConfigured_ThrowsReconcileExceptionWithoutCallingCloudflare()
    {
        await using var sandbox = await DnsSandbox.StartAsync();
        using var catalog = new ZoneCatalog(sandbox.Harness.Zones, new CloudflareAccount(null, IsSandbox: false), new DnsOptions(),
            sandbox.Harness.Get<ILogger<ZoneCatalog>>(), TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => catalog.ListAsync(Ct));

        Assert.Contains("CF_ACCOUNT_ID", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.Harness.Requests);
    }

    [Fact]
    public async Task GetDefaultZoneAsync_ZoneIdConfigured_ReturnsThatZone()
    {
        var options = new DnsOptions();
        await using var sandbox = await DnsSandbox.StartAsync(options);
        options.DefaultZoneId = sandbox.Harness.Emulator.ZoneIds["example.net"];

        var zone = await sandbox.Catalog.GetDefaultZoneAsync(Ct);

        Assert.Equal(sandbox.Zone("example.net"), zone);
    }

    [Fact]
    public async Task GetDefaultZoneAsync_NoZoneIdConfigured_ReturnsNullWithoutCallingCloudflare()
    {
        await using var sandbox = await DnsSandbox.StartAsync();

        var zone = await sandbox.Catalog.GetDefaultZoneAsync(Ct);

        Assert.Null(zone);
        Assert.Empty(sandbox.Harness.Requests);
    }

    [Fact]
    public async Task GetDefaultZoneAsync_ZoneOfAnotherAccountOrNotActive_ReturnsNullAndWarns()
    {
        var options = new DnsOptions();
        await using var sandbox = await DnsSandbox.StartAsync(options);
        options.DefaultZoneId = sandbox.Harness.Emulator.ZoneIds["other.com"];

        var zone = await sandbox.Catalog.GetDefaultZoneAsync(Ct);

        Assert.Null(zone);
        Assert.Contains(sandbox.Harness.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("CF_ZONE_ID " + options.DefaultZoneId, StringComparison.Ordinal));
    }
}
