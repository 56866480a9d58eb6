using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Retries, backoff and Retry-After through the standard resilience pipeline, driven by emulator faults.</summary>
public sealed class ResilienceContractTests
{
    [Fact]
    public async Task Get_ServiceUnavailableOnce_IsRetriedAndSucceeds()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Status = 503 });

        var zones = await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);

        Assert.Equal(2, zones.Count);
        Assert.Equal([503, 200], h.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Get_RateLimitedWithRetryAfter_WaitsAtLeastRetryAfter()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Status = 429, RetryAfterSeconds = 1 });

        var started = System.Diagnostics.Stopwatch.StartNew();
        await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);

        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {started.Elapsed}");
        Assert.Equal([429, 200], h.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Get_RetryAfterLongerThanBound_IsNotRetriedAndCarriesRetryAfter()
    {
        await using var h = await CloudflareHarness.StartAsync(settings: new Dictionary<string, string?> { ["CF_API_MAX_RETRY_AFTER_SECONDS"] = "5" });
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Status = 429, RetryAfterSeconds = 120 });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));

        Assert.True(ex.IsRateLimited);
        Assert.True(ex.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Single(h.Requests);
        Assert.NotNull(h.Budget.GetSnapshot().BlockedUntil);
    }

    [Fact]
    public async Task Get_PersistentServerError_GivesUpAfterBoundAsTransientNotNotFound()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/dns_records/", Status = 500, Count = 0 });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Dns.GetDnsRecordAsync(h.ZoneId, new string('b', 32), CloudflareHarness.Ct));

        Assert.Equal(500, ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.False(ex.IsNotFound);
        Assert.Equal(4, h.Requests.Count);
    }

    [Fact]
    public async Task Post_ServerError_IsNotRetried()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "POST", Path = "/cfd_tunnel$", Status = 500 });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.CreateTunnelAsync(h.AccountId, "once", CloudflareHarness.Ct));

        Assert.True(ex.IsTransient);
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Post_RateLimited_IsRetriedBecauseCloudflareDidNotAct()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "POST", Path = "/cfd_tunnel$", Status = 429, RetryAfterSeconds = 1 });

        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "after-429", CloudflareHarness.Ct);

        Assert.Equal("after-429", created.Tunnel.Name);
        Assert.Equal([429, 200], h.Requests.Select(r => r.Status));
    }

    [Theory]
    [InlineData(400, 1004)]
    [InlineData(403, 10000)]
    [InlineData(404, 1004)]
    [InlineData(409, 1013)]
    public async Task Get_ClientErrors_AreNeverRetried(int status, int code)
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Status = status, Code = code, Count = 0 });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));

        Assert.Equal(status, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task Get_DroppedConnection_IsRetried()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", Drop = true });

        var zones = await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);

        Assert.Equal(2, zones.Count);
        Assert.Equal([0, 200], h.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Get_AttemptTimeout_IsRetriedThenReportedAsTransient()
    {
        await using var h = await CloudflareHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CF_API_ATTEMPT_TIMEOUT_SECONDS"] = "1",
            ["CF_API_MAX_RETRIES"] = "1",
        });
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "^/zones$", DelayMs = 3000, Count = 0 });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));

        Assert.Null(ex.StatusCode);
        Assert.True(ex.IsTransient);
        Assert.False(ex.IsNotFound);
    }

    [Fact]
    public async Task Get_SuccessFalseWithStatus200_IsAnError()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule
        {
            Method = "GET", Path = "^/zones$", Status = 200, ContentType = "application/json",
            Body = "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"Invalid API Token\"}],\"messages\":[],\"result\":null}",
        });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));

        Assert.Equal(200, ex.StatusCode);
        Assert.True(ex.HasCode(1000));
    }

    [Fact]
    public async Task Get_HtmlNotFound_IsUnexpectedNotNotFound()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/access/policies/", Status = 404, Body = "<html>not here</html>", ContentType = "text/html" });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Policies.GetReusablePolicyAsync(h.AccountId, Guid.NewGuid().ToString(), CloudflareHarness.Ct));

        Assert.True(ex.IsUnexpectedResponse);
        Assert.False(ex.IsNotFound);
    }

    [Fact]
    public async Task Emulator_RateLimitHeaderReachesZero_ProviderWaitsInsteadOfHitting429()
    {
        await using var h = await CloudflareHarness.StartAsync(new EmulatorOptions { RateLimitRequests = 3, RateLimitWindow = TimeSpan.FromSeconds(2) });

        for (var i = 0; i < 4; i++)
        {
            await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);
        }

        var requests = h.Requests;
        Assert.Equal(4, requests.Count(r => r.Status == 200));
        Assert.DoesNotContain(requests, r => r.Status == 429);
        Assert.True(requests[3].At - requests[0].At >= TimeSpan.FromSeconds(1.5), $"fourth call after {requests[3].At - requests[0].At}");
        // The emulator's window slides: what it reported last depends on how fast the first calls were
        // (a slow first call leaves the second one inside the window), so derive it from the log.
        var window = TimeSpan.FromSeconds(2);
        var inWindow = requests.Take(4).Count(r => r.At > requests[3].At - window);
        Assert.Equal(3 - inWindow, h.Budget.GetSnapshot().ServerRemaining);
    }

    [Fact]
    public async Task Emulator_RateLimitExceededByAnotherClient_ProviderRetriesAfterRetryAfter()
    {
        // A window long enough that a loaded machine cannot let it slide before the provider's call.
        await using var h = await CloudflareHarness.StartAsync(new EmulatorOptions { RateLimitRequests = 2, RateLimitWindow = TimeSpan.FromSeconds(8) });
        using var other = new HttpClient { BaseAddress = h.Emulator.BaseUrl };
        other.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", h.Emulator.Token);
        (await other.GetAsync(new Uri("zones", UriKind.Relative), CloudflareHarness.Ct)).Dispose();
        (await other.GetAsync(new Uri("zones", UriKind.Relative), CloudflareHarness.Ct)).Dispose();

        var zones = await h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct);

        Assert.Equal(2, zones.Count);
        Assert.Equal([200, 200, 429, 200], h.Requests.Select(r => r.Status));
    }
}
