using DockFlare.CloudflareEmulator;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>The cases of <c>shared/cases/cases.md</c> this provider is responsible for, one test (or more) each.</summary>
public sealed class NamedCaseTests
{
    private const string TunnelA = "0b3a8f5e-94f7-4d71-8a0e-7a4f8a9d0c11";
    private const string DeletedTunnel = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

    [Fact]
    public async Task B17_ExistingRecords_IdenticalIsAdoptedForeignIsReportedNothingOverwritten()
    {
        var options = Seeds.WithZoneRecords(
        [
            new SeedDnsRecord("CNAME", "app", $"{TunnelA}.cfargotunnel.com", Proxied: true),
            new SeedDnsRecord("A", "nas", "198.51.100.7"),
            new SeedDnsRecord("CNAME", "old", $"{DeletedTunnel}.cfargotunnel.com", Proxied: true),
        ]);
        await using var h = await CloudflareHarness.StartAsync(options);

        // What a reconciler does first: read, and only write when the record is missing or ours to repoint.
        var app = await h.Dns.ListDnsRecordsAsync(h.ZoneId, new DnsRecordQuery(Name: "app.example.com"), CloudflareHarness.Ct);
        var nas = await h.Dns.ListDnsRecordsAsync(h.ZoneId, new DnsRecordQuery(Name: "nas.example.com"), CloudflareHarness.Ct);
        var old = await h.Dns.ListDnsRecordsAsync(h.ZoneId, new DnsRecordQuery(Name: "old.example.com"), CloudflareHarness.Ct);
        Assert.Equal($"{TunnelA}.cfargotunnel.com", app.Single().Content);
        Assert.Equal("A", nas.Single().Type);

        // A blind create is also safe: the identical record is recognisable, the foreign one is a clash, nothing changes.
        var identical = await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("app.example.com", TunnelA), CloudflareHarness.Ct));
        var foreign = await Assert.ThrowsAsync<CloudflareApiException>(() =>
            h.Dns.CreateDnsRecordAsync(h.ZoneId, DnsRecordInput.TunnelCname("nas.example.com", TunnelA), CloudflareHarness.Ct));
        Assert.True(identical.IsDnsIdenticalRecord);
        Assert.True(foreign.IsDnsDuplicate && !foreign.IsDnsIdenticalRecord);

        // The stale CNAME points at a tunnel that does not exist (any more): the documented policy is to take it over.
        Assert.Null(await h.Tunnels.GetTunnelAsync(h.AccountId, DeletedTunnel, CloudflareHarness.Ct));
        var repointed = await h.Dns.ReplaceDnsRecordAsync(h.ZoneId, old.Single().Id, DnsRecordInput.TunnelCname("old.example.com", TunnelA), CloudflareHarness.Ct);

        Assert.Equal($"{TunnelA}.cfargotunnel.com", repointed.Content);
        Assert.DoesNotContain(h.Requests, r => r.Method == "PUT" && !r.Path.EndsWith(old.Single().Id, StringComparison.Ordinal));
        Assert.Equal(["198.51.100.7"], (await h.Dns.ListDnsRecordsAsync(h.ZoneId, new DnsRecordQuery(Name: "nas.example.com"), CloudflareHarness.Ct)).Select(r => r.Content));
        Assert.DoesNotContain(h.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task B22_AppBeyondFirstPageAndDomainFilterMisses_IsFoundAndUpdatedNotRecreated()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var ipAllow = await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest("ip-allow", "allow", [AccessRule.Ip("10.0.0.0/8")]), CloudflareHarness.Ct);
        var admins = await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest("admins", "allow", [AccessRule.Email("a@example.com")]), CloudflareHarness.Ct);
        string app137 = "";
        for (var i = 1; i <= 150; i++)
        {
            var app = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest
            {
                Name = $"app{i}", Domain = i == 137 ? "app.example.com" : $"svc{i}.example.com",
                Policies = i == 137 ? [AccessPolicyAttachment.Link(ipAllow.Id, 1)] : null,
            }, CloudflareHarness.Ct);
            app137 = i == 137 ? app.Id : app137;
        }

        // The server-side domain filter returns nothing useful (as in the report).
        h.Emulator.AddFault(new FaultRule
        {
            Method = "GET", Path = "/access/apps$", Status = 200, ContentType = "application/json", Count = 0,
            Body = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[],\"result_info\":{\"page\":1,\"per_page\":100,\"count\":0,\"total_count\":0}}",
        });
        var filtered = await h.Apps.ListAccessApplicationsAsync(h.AccountId, new AccessApplicationQuery(Domain: "app.example.com"), CloudflareHarness.Ct);
        h.Emulator.ClearFaults();
        h.Emulator.ClearRequests();

        var found = await h.Apps.FindAccessApplicationByHostnameAsync(h.AccountId, "app.example.com", CloudflareHarness.Ct);
        await h.Apps.UpdateAccessApplicationAsync(h.AccountId, found!.Id, new AccessApplicationRequest
        {
            Name = found.Name, Domain = found.Domain!, Policies = [AccessPolicyAttachment.Link(admins.Id, 1)],
        }, CloudflareHarness.Ct);

        Assert.Empty(filtered);
        Assert.Equal(app137, found.Id);
        var put = Assert.Single(h.Requests, r => r.Method == "PUT");
        Assert.EndsWith($"/access/apps/{app137}", put.Path, StringComparison.Ordinal);
        Assert.Contains(admins.Id, put.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(h.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task B22_CreateAnswers409_AdoptExistingAndPut()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var existing = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "app", Domain = "app.example.com" }, CloudflareHarness.Ct);
        var request = new AccessApplicationRequest { Name = "app", Domain = "app.example.com", SessionDuration = "1h" };

        var conflict = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Apps.CreateAccessApplicationAsync(h.AccountId, request, CloudflareHarness.Ct));
        var adopted = await h.Apps.FindAccessApplicationByHostnameAsync(h.AccountId, request.Domain, CloudflareHarness.Ct);
        var updated = await h.Apps.UpdateAccessApplicationAsync(h.AccountId, adopted!.Id, request, CloudflareHarness.Ct);

        Assert.True(conflict.IsConflict);
        Assert.Equal(existing.Id, updated.Id);
        Assert.Equal("1h", updated.SessionDuration);
        Assert.Single(h.Requests, r => r.Method == "PUT");
    }

    [Theory]
    [InlineData("503")]
    [InlineData("reset")]
    [InlineData("timeout")]
    public async Task B24_TransientErrorOnPolicyLookup_IsNeverTreatedAsMissing(string failure)
    {
        await using var h = await CloudflareHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["CF_API_ATTEMPT_TIMEOUT_SECONDS"] = "1",
            ["CF_API_MAX_RETRIES"] = "2",
        });
        var idp = (await h.IdentityProviders.ListIdentityProvidersAsync(h.AccountId, CloudflareHarness.Ct))[0];
        var policy = await h.Policies.CreateReusablePolicyAsync(h.AccountId,
            new AccessPolicyRequest("authenticated", "allow", [AccessRule.Everyone()], Require: [AccessRule.LoginMethod(idp.Id)]), CloudflareHarness.Ct);
        var path = $"/access/policies/{policy.Id}$";
        h.Emulator.AddFault(failure switch
        {
            "503" => new FaultRule { Method = "GET", Path = path, Status = 503, Count = 0 },
            "reset" => new FaultRule { Method = "GET", Path = path, Drop = true, Count = 0 },
            _ => new FaultRule { Method = "GET", Path = path, DelayMs = 2500, Count = 0 },
        });
        h.Emulator.ClearRequests();

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Policies.GetReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct));

        Assert.True(ex.IsTransient);
        Assert.False(ex.IsNotFound);
        Assert.DoesNotContain(h.Requests, r => r.Method != "GET");
        h.Emulator.ClearFaults();
        var after = await h.Policies.GetReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct);
        Assert.Equal(AccessRule.LoginMethod(idp.Id), after!.Require.Single());
    }

    [Fact]
    public async Task B24_TransientErrorOnce_IsRetriedAndReturnsThePolicy()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var policy = await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest("p", "allow", [AccessRule.Everyone()]), CloudflareHarness.Ct);
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = $"/access/policies/{policy.Id}$", Status = 503 });

        var read = await h.Policies.GetReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct);

        Assert.Equal(policy.Id, read!.Id);
    }

    [Fact]
    public async Task B24_DefinitiveNotFound_IsReportedAsMissing()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var read = await h.Policies.GetReusablePolicyAsync(h.AccountId, Guid.NewGuid().ToString(), CloudflareHarness.Ct);

        Assert.Null(read);
        Assert.Equal(404, Assert.Single(h.Requests).Status);
    }

    [Fact]
    public async Task B31_AccountOwnedTokenWithoutPrefix_FallsBackToAccountVerifyWithoutErrorLog()
    {
        const string unprefixed = "account-token-without-prefix-0123456789ab";
        await using var h = await CloudflareHarness.StartAsync(Seeds.WithTokens(new SeedToken { Value = unprefixed, Owner = "account" }));

        var result = await h.Verifier.VerifyAsync(unprefixed, h.AccountId, CloudflareHarness.Ct);

        Assert.True(result.IsActive);
        Assert.Equal([401, 200], h.Requests.Select(r => r.Status));
        Assert.DoesNotContain(h.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task B31_MissingOptionalPermission_IsClassifiedAndNotLoggedEveryCycle()
    {
        var scoped = new SeedToken
        {
            Value = "scoped-token-without-groups-permission-01",
            Permissions = [EmulatorPermissions.ZoneRead, EmulatorPermissions.DnsWrite, EmulatorPermissions.TunnelWrite, EmulatorPermissions.AccessAppsWrite],
        };
        await using var h = await CloudflareHarness.StartAsync(Seeds.WithTokens(scoped), token: scoped.Value);

        for (var cycle = 0; cycle < 10; cycle++)
        {
            var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.IdentityProviders.ListIdentityProvidersAsync(h.AccountId, CloudflareHarness.Ct));
            Assert.True(ex.IsPermissionError);
        }

        Assert.Equal(10, h.Requests.Count);
        Assert.DoesNotContain(h.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("")]
    [InlineData("None")]
    [InlineData("null")]
    public async Task B31_AccountIdNotConfigured_FailsFastWithoutAnyRequest(string accountId)
    {
        await using var h = await CloudflareHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => h.Tunnels.ListTunnelsAsync(accountId, TunnelQuery.Live, CloudflareHarness.Ct));

        Assert.Contains("CF_ACCOUNT_ID", ex.Message, StringComparison.Ordinal);
        Assert.Empty(h.Requests);
    }

    [Fact]
    public void B31_AccountIdSettingMalformed_FailsAtRegistration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CF_ACCOUNT_ID"] = "None" }).Build();

        var ex = Assert.Throws<ArgumentException>(() => CloudflareSettings.FromConfiguration(configuration));

        Assert.Contains("CF_ACCOUNT_ID", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("raw")]
    [InlineData("envelope")]
    public async Task B33_TokenAsRawTextOrEnvelope_YieldsTheSameRawToken(string shape)
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "b33", CloudflareHarness.Ct);
        if (shape == "raw")
        {
            h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/token$", Status = 200, Body = created.Token!.Value, ContentType = "text/plain" });
        }

        var token = await h.Tunnels.GetTunnelTokenAsync(h.AccountId, created.Tunnel.Id, CloudflareHarness.Ct);

        Assert.Equal(created.Token!.Value, token.Value);
        Assert.DoesNotContain("{", token.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B33_TokenEnvelopeWithSuccessFalse_ThrowsAndYieldsNoToken()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "b33c", CloudflareHarness.Ct);
        h.Emulator.AddFault(new FaultRule
        {
            Method = "GET", Path = "/token$", Status = 200, ContentType = "application/json",
            Body = "{\"success\":false,\"errors\":[{\"code\":1004,\"message\":\"Tunnel not found\"}],\"messages\":[],\"result\":null}",
        });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.GetTunnelTokenAsync(h.AccountId, created.Tunnel.Id, CloudflareHarness.Ct));

        Assert.True(ex.HasCode(1004));
    }

    [Fact]
    public async Task B33_TokenForAnotherTunnel_ThrowsMismatch()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var mine = await h.Tunnels.CreateTunnelAsync(h.AccountId, "mine", CloudflareHarness.Ct);
        var other = await h.Tunnels.CreateTunnelAsync(h.AccountId, "other", CloudflareHarness.Ct);
        h.Emulator.AddFault(new FaultRule
        {
            Method = "GET", Path = "/token$", Status = 200, ContentType = "application/json",
            Body = $"{{\"success\":true,\"errors\":[],\"messages\":[],\"result\":\"{other.Token!.Value}\"}}",
        });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.GetTunnelTokenAsync(h.AccountId, mine.Tunnel.Id, CloudflareHarness.Ct));

        Assert.True(ex.IsUnexpectedResponse);
        Assert.Contains(other.Tunnel.Id, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Token.Value, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B33_TokenThatDoesNotDecode_Throws()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var created = await h.Tunnels.CreateTunnelAsync(h.AccountId, "undecodable", CloudflareHarness.Ct);
        h.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/token$", Status = 200, Body = "bm90LWEtdG9rZW4=", ContentType = "text/plain" });

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Tunnels.GetTunnelTokenAsync(h.AccountId, created.Tunnel.Id, CloudflareHarness.Ct));

        Assert.True(ex.IsUnexpectedResponse);
    }
}
