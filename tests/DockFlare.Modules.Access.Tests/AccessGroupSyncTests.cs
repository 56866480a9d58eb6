using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Access.Tests;

public sealed class AccessGroupSyncTests
{
    [Fact]
    public async Task EnsureGroupsAsync_SecondCall_MakesNoWrites()
    {
        await using var bed = await AccessTestBed.StartAsync(true, AccessTestBed.OfficeIp(), AccessTestBed.Team());
        var first = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var writes = bed.AccessWrites().Count;

        var second = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        Assert.Equal(4, writes);
        Assert.Equal(bed.AccessWrites().Count, writes);
        Assert.Equal(first.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
        Assert.Equal(["authenticated-default", "office-ip", "public-default-bypass", "team"], second.Order(StringComparer.Ordinal));
        Assert.Equal(4, (await bed.State.ListOwnershipAsync(OwnedObjectKind.AccessPolicy, AccessTestBed.Ct)).Count);
    }

    [Fact]
    public async Task EnsureGroupsAsync_SystemGroups_HaveTheReferenceSemantics()
    {
        await using var bed = await AccessTestBed.StartAsync();

        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        var live = await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct);
        var bypass = Assert.Single(live, p => p.Name == "DockFlare-Default-Public-Access-Bypass");
        Assert.Equal("bypass", bypass.Decision);
        Assert.Equal([AccessRule.Everyone()], bypass.Include);
        var authenticated = Assert.Single(live, p => p.Name == "DockFlare-Default-Authenticated-Access");
        Assert.Equal("allow", authenticated.Decision);
        Assert.Equal([AccessRule.Email("admin@example.com")], authenticated.Include);
        Assert.Equal([AccessRule.LoginMethod(bed.OneTimePinId)], authenticated.Require);
    }

    [Fact]
    public async Task EnsureGroupsAsync_ChangedGroup_UpdatesItsOwnedPolicyOnce()
    {
        await using var bed = await AccessTestBed.StartAsync(true, AccessTestBed.OfficeIp());
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        await new AccessGroupStore(bed.State).SaveAsync([AccessTestBed.OfficeIp() with { Include = [AccessRule.Ip("198.51.100.0/24")] }], AccessTestBed.Ct);
        bed.Harness.Emulator.ClearRequests();

        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        var put = Assert.Single(bed.AccessWrites());
        Assert.Equal("PUT", put.Method);
        var policy = Assert.Single(await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct), p => p.Name == "DockFlare-AccessGroup-office-ip");
        Assert.Equal([AccessRule.Ip("198.51.100.0/24")], policy.Include);
    }

    [Fact]
    public async Task EnsureGroupsAsync_ForeignSameNamedPolicy_IsUntouchedAndGroupUnavailable()
    {
        await using var bed = await AccessTestBed.StartAsync(true, AccessTestBed.Team());
        var foreign = await bed.Harness.Policies.CreateReusablePolicyAsync(bed.Harness.AccountId,
            new AccessPolicyRequest("DockFlare-AccessGroup-team", "allow", [AccessRule.Email("someone@example.net")]), AccessTestBed.Ct);
        bed.Harness.Emulator.ClearRequests();

        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        Assert.DoesNotContain("team", groups);
        Assert.Contains("public-default-bypass", groups);
        Assert.DoesNotContain(bed.Harness.Requests, r => r.Path.Contains(foreign.Id, StringComparison.OrdinalIgnoreCase) && r.Method != "GET");
        var live = Assert.Single(await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct), p => p.Name == "DockFlare-AccessGroup-team");
        Assert.Equal(foreign.Id, live.Id);
        Assert.Equal([AccessRule.Email("someone@example.net")], live.Include);
        Assert.Contains(bed.Harness.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("team", StringComparison.Ordinal) && l.Message.Contains("conflict", StringComparison.Ordinal));
        var ex = await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway.CreateAsync(
            AccessTestBed.Create(new Core.Access.AccessIntent("app.example.com", null, Core.Access.AccessMode.Groups) { Groups = ["team"] }), AccessTestBed.Ct));
        Assert.Contains("'team'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureGroupsAsync_GroupRemoved_DeletesItsPolicyOnlyWhenNoAppUsesIt()
    {
        await using var bed = await AccessTestBed.StartAsync(true, AccessTestBed.OfficeIp(), AccessTestBed.Team());
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        await bed.Gateway.CreateAsync(AccessTestBed.Create(new Core.Access.AccessIntent("app.example.com", null, Core.Access.AccessMode.Groups) { Groups = ["team"] }), AccessTestBed.Ct);
        await new AccessGroupStore(bed.State).SaveAsync([], AccessTestBed.Ct);

        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        Assert.Equal(["authenticated-default", "public-default-bypass"], groups.Order(StringComparer.Ordinal));
        var names = (await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct)).Select(p => p.Name).ToList();
        Assert.DoesNotContain("DockFlare-AccessGroup-office-ip", names);
        Assert.Contains("DockFlare-AccessGroup-team", names);
        Assert.Equal(3, (await bed.State.ListOwnershipAsync(OwnedObjectKind.AccessPolicy, AccessTestBed.Ct)).Count);
    }

    [Fact]
    public async Task EnsureGroupsAsync_PassesWithinAMinute_ReadIdentityProvidersAndMembersOnce()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T12:00:00Z", CultureInfo.InvariantCulture));
        await using var bed = await AccessTestBed.StartAsync(clock);
        int Reads() => bed.Harness.Requests.Count(r => r.Method == "GET" && (r.Path.EndsWith("/members", StringComparison.Ordinal)
            || r.Path.EndsWith("/access/identity_providers", StringComparison.Ordinal)));
        var before = Reads();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var first = Reads() - before;

        clock.Advance(TimeSpan.FromSeconds(59));
        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        Assert.Equal(before + first, Reads());
        Assert.Contains("authenticated-default", groups);

        clock.Advance(TimeSpan.FromSeconds(2));
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        Assert.Equal(before + (2 * first), Reads());
        Assert.Equal(2, first);
    }

    [Fact]
    public async Task EnsureGroupsAsync_MembersForbidden_AuthenticatedGroupUnavailable()
    {
        await using var bed = await AccessTestBed.StartAsync();
        bed.Harness.Emulator.AddFault(new FaultRule { Method = "GET", Path = "/members", Status = 403, Code = 9109, Message = "Unauthorized to access requested resource", Count = 0 });

        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        Assert.Equal(["public-default-bypass"], groups);
        Assert.DoesNotContain(await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct), p => p.Name == "DockFlare-Default-Authenticated-Access");
    }

    [Fact]
    public async Task EnsureGroupsAsync_B26IdpOnlyGroupWithoutEmails_IsRejected()
    {
        await using var bed = await AccessTestBed.StartAsync();
        var idpOnly = new AccessGroupDefinition { Id = "google-users", Decision = "allow", Include = [AccessRule.LoginMethod(bed.OneTimePinId)] };
        await new AccessGroupStore(bed.State).SaveAsync([idpOnly], AccessTestBed.Ct);

        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        Assert.DoesNotContain("google-users", groups);
        Assert.DoesNotContain(bed.AccessWrites(), r => r.Body?.Contains("google-users", StringComparison.Ordinal) == true);
        Assert.Contains(bed.Harness.Logs.Entries, l => l.Level == LogLevel.Error && l.Message.Contains("google-users", StringComparison.Ordinal));
        await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway.CreateAsync(
            AccessTestBed.Create(new Core.Access.AccessIntent("secret.example.com", null, Core.Access.AccessMode.Groups) { Groups = ["google-users"] }), AccessTestBed.Ct));
        Assert.False(await bed.AnyAppAdmitsEveryoneAsync());
    }

    [Fact]
    public async Task EnsureGroupsAsync_B26OfficeIpBypassGroup_RoundTripsExactly()
    {
        await using var bed = await AccessTestBed.StartAsync(true, AccessTestBed.OfficeIp());

        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var intent = new Core.Access.AccessIntent("office.example.com", null, Core.Access.AccessMode.Groups) { Groups = ["office-ip"] };
        await bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct);

        Assert.Contains("office-ip", groups);
        var post = Assert.Single(bed.AccessWrites(), r => r.Method == "POST" && r.Body?.Contains("DockFlare-AccessGroup-office-ip", StringComparison.Ordinal) == true);
        var body = AccessTestBed.Body(post);
        Assert.Equal("bypass", body.GetProperty("decision").GetString());
        Assert.Equal("""[{"ip":{"ip":"192.0.2.0/24"}}]""", body.GetProperty("include").GetRawText());
        Assert.False(body.TryGetProperty("exclude", out var exclude) && exclude.ValueKind == JsonValueKind.Array && exclude.GetArrayLength() > 0);
        var observed = await bed.ReadOneAsync("office.example.com");
        Assert.Equal(intent, observed.AppliedIntent);
        var app = await bed.Harness.Apps.GetAccessApplicationAsync(bed.Harness.AccountId, observed.Id, AccessTestBed.Ct);
        var policy = Assert.Single(app!.Policies);
        Assert.Equal("bypass", policy.Decision);
        Assert.Equal([AccessRule.Ip("192.0.2.0/24")], policy.Include);
        Assert.Empty(policy.Exclude);
        Assert.Empty(policy.Require);
    }

    [Theory]
    [InlineData("allow", "everyone")]
    [InlineData("allow", "geo")]
    [InlineData("allow", "login_method")]
    public void Check_AllowWithoutIdentityRestriction_IsRejected(string decision, string kind)
    {
        var rule = kind switch
        {
            "everyone" => AccessRule.Everyone(),
            "geo" => AccessRule.Country("DE"),
            _ => AccessRule.LoginMethod("4b3f2c1e-0000-4000-8000-000000000001"),
        };

        var problem = AccessGroupValidator.Check(new AccessGroupDefinition { Id = "g", Decision = decision, Include = [rule] });

        Assert.NotNull(problem);
        Assert.Contains("restrict who is allowed", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IdpWithRequiredEmail_IsAccepted()
    {
        var group = new AccessGroupDefinition
        {
            Id = "pin-admins", Decision = "allow",
            Include = [AccessRule.LoginMethod("4b3f2c1e-0000-4000-8000-000000000001")], Require = [AccessRule.Email("a@example.com")],
        };

        Assert.Null(AccessGroupValidator.Check(group));
    }
}
