using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>The process-wide request budget: sliding window, priority reserve, Cloudflare's own signals.</summary>
public sealed class RequestBudgetTests
{
    private static CloudflareRequestBudget Budget(FakeTimeProvider clock, int limit = 20, int windowSeconds = 300, int maxWaitSeconds = 0)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CF_API_REQUESTS_PER_WINDOW"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CF_API_REQUEST_WINDOW_SECONDS"] = windowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CF_API_BUDGET_MAX_WAIT_SECONDS"] = maxWaitSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        return new CloudflareRequestBudget(CloudflareSettings.FromConfiguration(configuration), clock);
    }

    [Fact]
    public void Defaults_MatchCloudflareAccountLimit()
    {
        var settings = CloudflareSettings.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal((1200, TimeSpan.FromMinutes(5)), (settings.RequestsPerWindow, settings.Window));
    }

    [Fact]
    public async Task AcquireAsync_NormalRequestsAtReserve_AreRefusedWhileDeletionsProceed()
    {
        var clock = new FakeTimeProvider();
        var budget = Budget(clock);
        for (var i = 0; i < 18; i++)
        {
            await budget.AcquireAsync(CloudflareRequestPriority.Normal, CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<CloudflareApiException>(() => budget.AcquireAsync(CloudflareRequestPriority.Normal, CancellationToken.None));
        await budget.AcquireAsync(CloudflareRequestPriority.High, CancellationToken.None);
        await budget.AcquireAsync(CloudflareRequestPriority.High, CancellationToken.None);
        await Assert.ThrowsAsync<CloudflareApiException>(() => budget.AcquireAsync(CloudflareRequestPriority.High, CancellationToken.None));

        Assert.True(refused.IsRateLimited);
        Assert.True(refused.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(5), refused.RetryAfter);
        var snapshot = budget.GetSnapshot();
        Assert.Equal((20, 20, 0, 2), (snapshot.Limit, snapshot.Used, snapshot.Remaining, snapshot.ReservedForPriority));
    }

    [Fact]
    public async Task AcquireAsync_WindowSlides_FreesSlots()
    {
        var clock = new FakeTimeProvider();
        var budget = Budget(clock, limit: 10, windowSeconds: 60);
        for (var i = 0; i < 9; i++)
        {
            await budget.AcquireAsync(CloudflareRequestPriority.Normal, CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromSeconds(61));

        await budget.AcquireAsync(CloudflareRequestPriority.Normal, CancellationToken.None);
        Assert.Equal(1, budget.GetSnapshot().Used);
    }

    [Fact]
    public async Task AcquireAsync_FullBudgetWithWaitAllowed_WaitsForTheOldestSlot()
    {
        var clock = new FakeTimeProvider();
        var budget = Budget(clock, limit: 10, windowSeconds: 60, maxWaitSeconds: 120);
        for (var i = 0; i < 9; i++)
        {
            await budget.AcquireAsync(CloudflareRequestPriority.Normal, CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var waiting = budget.AcquireAsync(CloudflareRequestPriority.Normal, CancellationToken.None);
        await Task.Yield();
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, budget.GetSnapshot().Waiting);

        clock.Advance(TimeSpan.FromSeconds(52));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(0, budget.GetSnapshot().Waiting);
    }

    [Fact]
    public async Task BlockFor_CloudflareRetryAfter_BlocksEveryPriority()
    {
        var clock = new FakeTimeProvider();
        var budget = Budget(clock, maxWaitSeconds: 0);

        budget.BlockFor(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<CloudflareApiException>(() => budget.AcquireAsync(CloudflareRequestPriority.High, CancellationToken.None));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(30), budget.GetSnapshot().BlockedUntil);
        clock.Advance(TimeSpan.FromSeconds(31));
        await budget.AcquireAsync(CloudflareRequestPriority.High, CancellationToken.None);
        Assert.Null(budget.GetSnapshot().BlockedUntil);
    }

    [Theory]
    [InlineData("DELETE", "zones/z/dns_records/r", true)]
    [InlineData("PUT", "accounts/a/access/apps/x", true)]
    [InlineData("POST", "accounts/a/access/policies", true)]
    [InlineData("GET", "accounts/a/access/apps", false)]
    [InlineData("POST", "zones/z/dns_records", false)]
    [InlineData("PUT", "accounts/a/cfd_tunnel/t/configurations", false)]
    public void PriorityOf_DeletionsAndAccessChanges_AreHigh(string method, string path, bool high) =>
        Assert.Equal(high ? CloudflareRequestPriority.High : CloudflareRequestPriority.Normal, CloudflareTransport.PriorityOf(new HttpMethod(method), path));

    [Fact]
    public async Task Provider_BudgetSpent_ReadsFailFastButDeletesStillGoOut()
    {
        await using var h = await CloudflareHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CF_API_REQUESTS_PER_WINDOW"] = "10",
            ["CF_API_BUDGET_MAX_WAIT_SECONDS"] = "0",
        });
        var record = await h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("A", "b", "198.51.100.9", Proxied: false), CloudflareHarness.Ct);
        for (var i = 0; i < 8; i++)
        {
            await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);
        }

        var refused = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));
        var deleted = await h.Dns.DeleteDnsRecordAsync(h.ZoneId, record.Id, CloudflareHarness.Ct);

        Assert.True(refused.IsRateLimited);
        Assert.True(deleted);
        Assert.Equal(10, h.Requests.Count);
        Assert.Equal(0, h.Budget.GetSnapshot().Remaining);
    }

    [Fact]
    public async Task For_TwoContainersSameApiAndToken_ShareOneBudget()
    {
        await using var first = await CloudflareHarness.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CF_API_BASE_URL"] = first.Emulator.BaseUrl.ToString(),
            ["CF_API_TOKEN"] = first.Emulator.Token,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        new CloudflarePlugin().Register(services, new DockFlare.Plugins.Abstractions.PluginContext(
            new DockFlare.Plugins.Abstractions.PluginManifest { Id = "cloudflare" }, AppContext.BaseDirectory, configuration));
        await using var second = services.BuildServiceProvider();

        await second.GetRequiredService<ICloudflareZones>().ListZonesAsync(new ZoneQuery(), CancellationToken.None);

        Assert.Same(first.Budget, second.GetRequiredService<ICloudflareRequestBudget>());
        Assert.Equal(1, first.Budget.GetSnapshot().Used);
    }

    [Fact]
    public async Task Provider_Retries_AreCountedAgainstTheBudget()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new DockFlare.CloudflareEmulator.FaultRule { Method = "GET", Path = "^/zones$", Status = 503, Count = 2 });

        await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);

        Assert.Equal(3, h.Budget.GetSnapshot().Used);
    }
}
