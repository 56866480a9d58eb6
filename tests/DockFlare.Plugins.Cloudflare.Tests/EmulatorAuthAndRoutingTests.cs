using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>The emulator's envelope, authentication pipeline, id routing and paging rules, over raw HTTP.</summary>
public sealed class EmulatorAuthAndRoutingTests
{
    [Fact]
    public async Task AnyCall_NoCredentials_Answers400With9106()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, "/zones", token: null);

        Assert.Equal(400, status);
        Assert.Equal([9106], EmulatorClient.Codes(body));
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.RootElement.GetProperty("result").ValueKind);
        Assert.Equal(0, body.RootElement.GetProperty("messages").GetArrayLength());
    }

    [Theory]
    [InlineData("Bearer 0123456789abcdef0123456789abcdef01234", 6111)]
    [InlineData("Basic abc", 6111)]
    public async Task AnyCall_MalformedAuthorization_Answers6003WithCauseInErrorChain(string header, int cause)
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, "/zones", token: header);

        Assert.Equal((400, 6003), (status, EmulatorClient.Codes(body)[0]));
        Assert.Equal(cause, body.RootElement.GetProperty("errors")[0].GetProperty("error_chain")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task AnyCall_MalformedLegacyKey_Answers6003With6103()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, "/zones", token: null,
            headers: new Dictionary<string, string> { ["X-Auth-Email"] = "a@example.com", ["X-Auth-Key"] = "short" });

        Assert.Equal(400, status);
        Assert.Equal(6103, body.RootElement.GetProperty("errors")[0].GetProperty("error_chain")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task UserVerify_UnknownOrAccountOwnedToken_Answers401With1000()
    {
        var options = Seeds.WithTokens(new SeedToken { Value = Seeds.AccountToken, Owner = "account" });
        await using var emulator = await CloudflareEmulatorApp.StartAsync(options);
        using var client = new EmulatorClient(emulator);

        var unknown = await client.SendAsync(HttpMethod.Get, "/user/tokens/verify", token: "Bearer unknown-token-unknown-token-unknown-token-0");
        var accountOwned = await client.SendAsync(HttpMethod.Get, "/user/tokens/verify", token: $"Bearer {Seeds.AccountToken}");
        var accountVerify = await client.SendAsync(HttpMethod.Get, $"/accounts/{emulator.AccountId}/tokens/verify", token: $"Bearer {Seeds.AccountToken}");

        Assert.Equal((401, 1000), (unknown.Status, EmulatorClient.Codes(unknown.Body)[0]));
        Assert.Equal((401, 1000), (accountOwned.Status, EmulatorClient.Codes(accountOwned.Body)[0]));
        Assert.Equal(200, accountVerify.Status);
        Assert.Equal(10000, accountVerify.Body.RootElement.GetProperty("messages")[0].GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task NonVerifyCall_UnknownToken_Answers403With9109()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, "/zones", token: "Bearer unknown-token-unknown-token-unknown-token-0");

        Assert.Equal((403, 9109), (status, EmulatorClient.Codes(body)[0]));
    }

    [Theory]
    [InlineData("/zones/NOT-HEX/dns_records")]
    [InlineData("/accounts/None/cfd_tunnel")]
    [InlineData("/accounts//cfd_tunnel")]
    [InlineData("/accounts/{account}/cfd_tunnel/not-a-uuid")]
    [InlineData("/accounts/{account}/access/apps/0123456789abcdef0123456789abcdef")]
    [InlineData("/no/such/route")]
    public async Task AnyCall_MalformedIdOrUnknownRoute_Answers7003And7000(string path)
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, path.Replace("{account}", emulator.AccountId, StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Equal([7003, 7000], EmulatorClient.Codes(body));
        Assert.StartsWith("Could not route to /", EmulatorClient.FirstMessage(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ZoneCall_WellFormedUnknownZone_Answers1003()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, $"/zones/{new string('d', 32)}/dns_records");

        Assert.Equal((400, 1003), (status, EmulatorClient.Codes(body)[0]));
    }

    [Fact]
    public async Task ListZones_PerPageAboveMaximumAndPagePastEnd_ClampsAndAnswersEmptySuccess()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(Seeds.WithZones(60));
        using var client = new EmulatorClient(emulator);

        var first = await client.SendAsync(HttpMethod.Get, "/zones?per_page=100");
        var past = await client.SendAsync(HttpMethod.Get, "/zones?per_page=50&page=9");

        var info = first.Body.RootElement.GetProperty("result_info");
        Assert.Equal((1, 50, 50, 61, 2), (info.GetProperty("page").GetInt32(), info.GetProperty("per_page").GetInt32(),
            info.GetProperty("count").GetInt32(), info.GetProperty("total_count").GetInt32(), info.GetProperty("total_pages").GetInt32()));
        Assert.Equal(200, past.Status);
        Assert.Equal(0, past.Body.RootElement.GetProperty("result").GetArrayLength());
        Assert.Equal(9, past.Body.RootElement.GetProperty("result_info").GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task AnyCall_OverRateLimit_Answers429With971AndRetryAfter()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions { RateLimitRequests = 2, RateLimitWindow = TimeSpan.FromSeconds(30) });
        using var client = new EmulatorClient(emulator);

        var first = await client.SendAsync(HttpMethod.Get, "/zones");
        await client.SendAsync(HttpMethod.Get, "/zones");
        var limited = await client.SendAsync(HttpMethod.Get, "/zones");

        Assert.Equal("\"default\";r=1;t=30", first.Response.Headers.GetValues("Ratelimit").Single());
        Assert.Equal("\"burst\";q=2;w=30", first.Response.Headers.GetValues("Ratelimit-Policy").Single());
        Assert.Equal((429, 971), (limited.Status, EmulatorClient.Codes(limited.Body)[0]));
        Assert.InRange(limited.Response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
    }

    [Fact]
    public async Task AccessCall_ZeroTrustOff_Answers403With9999()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);
        emulator.SetAccessEnabled(emulator.AccountId, enabled: false);

        var (status, body, _) = await client.SendAsync(HttpMethod.Get, $"/accounts/{emulator.AccountId}/access/groups");

        Assert.Equal((403, 9999), (status, EmulatorClient.Codes(body)[0]));
        Assert.StartsWith("access.api.error.not_enabled", EmulatorClient.FirstMessage(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_AddressOtherThanLoopback_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CloudflareEmulatorApp.StartAsync(new EmulatorOptions(), "http://0.0.0.0:0"));
        await Assert.ThrowsAsync<ArgumentException>(() => CloudflareEmulatorApp.StartAsync(new EmulatorOptions(), "http://localhost:0"));
    }

    [Fact]
    public async Task AdminApi_FaultsRequestsAndState_WorkOverHttp()
    {
        await using var emulator = await CloudflareEmulatorApp.StartAsync(new EmulatorOptions());
        using var client = new EmulatorClient(emulator);

        var added = await client.SendAsync(HttpMethod.Post, "__emulator/faults", new FaultRule { Method = "GET", Path = "^/zones$", Status = 503 }, token: null);
        var failed = await client.SendAsync(HttpMethod.Get, "/zones");
        var ok = await client.SendAsync(HttpMethod.Get, "/zones");
        var requests = await client.SendAsync(HttpMethod.Get, "__emulator/requests", token: null);
        var state = await client.SendAsync(HttpMethod.Get, "__emulator/state", token: null);

        Assert.Equal((201, 503, 200), (added.Status, failed.Status, ok.Status));
        Assert.Equal([503, 200], requests.Body.RootElement.EnumerateArray().Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(2, state.Body.RootElement.GetProperty("accounts")[0].GetProperty("zones").GetArrayLength());
    }

    [Fact]
    public void SeedExample_FromJson_LoadsAccountsZonesAndTokens()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "DockFlare.sln")))
        {
            root = root.Parent!;
        }

        var seed = EmulatorSeed.FromJson(File.ReadAllText(Path.Combine(root.FullName, "samples", "DockFlare.CloudflareEmulator", "seed.example.json")));

        Assert.Equal(["example.com", "example.org"], seed.Accounts.Single().Zones.Select(z => z.Name));
        Assert.Equal(["user", "account"], seed.Tokens.Select(t => t.Owner));
    }

    [Fact]
    public void CommandLine_TokenZonesAndRateLimit_OverrideTheDefaultSeed()
    {
        var (options, urls) = EmulatorCommandLine.Parse(
            ["--urls", "http://127.0.0.1:9999", "--token", "cli-token-cli-token-cli-token-cli-token-00", "--zone", "a.test", "--zone", "b.test", "--rate-limit", "5", "--rate-window", "10"]);

        Assert.Equal("http://127.0.0.1:9999", urls);
        Assert.Equal("cli-token-cli-token-cli-token-cli-token-00", options.Seed.Tokens[0].Value);
        Assert.Equal(["a.test", "b.test"], options.Seed.Accounts[0].Zones.Select(z => z.Name));
        Assert.Equal((5, TimeSpan.FromSeconds(10)), (options.RateLimitRequests, options.RateLimitWindow));
        Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(["--bogus", "1"]));
    }
}
