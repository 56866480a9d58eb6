using DockFlare.CloudflareEmulator;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Token verification and the authentication / permission error classes.</summary>
public sealed class TokenAndAuthContractTests
{
    [Fact]
    public async Task VerifyAsync_UserToken_IsActive()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var result = await h.Verifier.VerifyAsync(h.Emulator.Token, h.AccountId, CloudflareHarness.Ct);

        Assert.True(result.IsActive);
        Assert.Equal(32, result.TokenId!.Length);
        Assert.Equal("/user/tokens/verify", h.Requests.Single().Path);
    }

    [Fact]
    public async Task VerifyAsync_AccountOwnedToken_UsesAccountEndpoint()
    {
        await using var h = await CloudflareHarness.StartAsync(Seeds.WithTokens(new SeedToken { Value = Seeds.AccountToken, Owner = "account" }));

        var result = await h.Verifier.VerifyAsync(Seeds.AccountToken, h.AccountId, CloudflareHarness.Ct);

        Assert.True(result.IsActive);
        Assert.Equal($"/accounts/{h.AccountId}/tokens/verify", h.Requests.Single().Path);
    }

    [Fact]
    public async Task VerifyAsync_UnknownToken_IsInactiveWith1000()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var result = await h.Verifier.VerifyAsync("unknown-token-unknown-token-unknown-token-0", null, CloudflareHarness.Ct);

        Assert.False(result.IsActive);
        Assert.StartsWith("1000 ", result.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyAsync_AccountOwnedTokenWithoutAccount_IsInactiveWithoutRequest()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var result = await h.Verifier.VerifyAsync(Seeds.AccountToken, null, CloudflareHarness.Ct);

        Assert.False(result.IsActive);
        Assert.Contains("CF_ACCOUNT_ID", result.Status, StringComparison.Ordinal);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task ReadinessProbe_ConfiguredToken_IsReady()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var probe = h.Services.GetServices<IReadinessProbe>().Single(p => p.Name == "cloudflare");

        var result = await probe.CheckAsync(CloudflareHarness.Ct);

        Assert.Equal(ReadinessStatus.Ready, result.Status);
    }

    [Fact]
    public async Task ReadinessProbe_EmulatorDown_IsUnavailable()
    {
        var h = await CloudflareHarness.StartAsync(settings: new Dictionary<string, string?> { ["CF_API_MAX_RETRIES"] = "0" });
        var probe = h.Services.GetServices<IReadinessProbe>().Single(p => p.Name == "cloudflare");
        await h.Emulator.DisposeAsync();

        var result = await probe.CheckAsync(CloudflareHarness.Ct);

        Assert.Equal(ReadinessStatus.Unavailable, result.Status);
        await h.DisposeAsync();
    }

    [Fact]
    public async Task AnyCall_UnknownToken_ThrowsPermissionError9109()
    {
        await using var h = await CloudflareHarness.StartAsync(token: "unknown-token-unknown-token-unknown-token-0");

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));

        Assert.Equal(403, ex.StatusCode);
        Assert.True(ex.HasCode(9109));
        Assert.True(ex.IsPermissionError);
        Assert.Single(h.Requests);
    }

    [Fact]
    public async Task AnyCall_MalformedToken_ThrowsAuthenticationError6003()
    {
        await using var h = await CloudflareHarness.StartAsync(token: "0123456789abcdef0123456789abcdef01234");

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Zones.ListZonesAsync(new ZoneQuery(), CloudflareHarness.Ct));

        Assert.Equal(400, ex.StatusCode);
        Assert.True(ex.HasCode(6003));
        Assert.True(ex.HasCode(6111));
        Assert.True(ex.IsAuthenticationError);
        Assert.False(ex.IsValidationError);
    }

    [Fact]
    public async Task AnyCall_TokenWithoutPermission_ThrowsPermissionError10000()
    {
        var limited = new SeedToken { Value = "limited-token-limited-token-limited-token-0", Permissions = [EmulatorPermissions.ZoneRead, EmulatorPermissions.DnsRead] };
        await using var h = await CloudflareHarness.StartAsync(Seeds.WithTokens(limited), token: limited.Value);

        var read = await h.Dns.ListDnsRecordsAsync(h.ZoneId, DnsRecordQuery.All, CloudflareHarness.Ct);
        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Dns.CreateDnsRecordAsync(h.ZoneId, new DnsRecordInput("A", "x", "198.51.100.1"), CloudflareHarness.Ct));

        Assert.Empty(read);
        Assert.True(ex.HasCode(10000));
        Assert.True(ex.IsPermissionError);
        Assert.False(ex.IsAuthenticationError);
    }

    [Fact]
    public async Task AnyCall_TokenForAnotherAccount_ThrowsPermissionError()
    {
        var other = new SeedAccount { Name = "Other", Zones = [new SeedZone { Name = "other.example" }] };
        var options = new EmulatorOptions
        {
            Seed = EmulatorSeed.Default with
            {
                Accounts = [.. EmulatorSeed.Default.Accounts, other],
                Tokens = [new SeedToken { Accounts = ["DockFlare Emulator"] }],
            },
        };
        await using var h = await CloudflareHarness.StartAsync(options);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Dns.ListDnsRecordsAsync(h.Emulator.ZoneIds["other.example"], DnsRecordQuery.All, CloudflareHarness.Ct));

        Assert.True(ex.IsPermissionError);
    }

    [Fact]
    public void Register_NoToken_ProviderStillRegistersAndCallsFailClearly()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        new CloudflarePlugin().Register(services, new PluginContext(new PluginManifest { Id = "cloudflare" }, AppContext.BaseDirectory, configuration));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<AggregateException>(() => provider.GetRequiredService<ICloudflareZones>().ListZonesAsync(new ZoneQuery(), CancellationToken.None).Wait());

        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Contains("CF_API_TOKEN", ex.InnerException!.Message, StringComparison.Ordinal);
    }
}
