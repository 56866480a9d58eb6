using DockFlare.CloudflareEmulator;
using DockFlare.Core.Access;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Modules.Access.Tests;

public sealed class AccessGatewayWriteTests
{
    private const string B26Rules = """[{"email":{"email":"user@example.com"}},{"bogus":1}]""";

    [Fact]
    public async Task CreateAsync_B26UnparseableCustomRules_RefusesAndNoAppAdmitsEveryone()
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var intent = new AccessIntent("secret.example.com", null, AccessMode.CustomRules) { CustomRulesJson = B26Rules, LegacyPolicy = "authenticate" };

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct));

        Assert.Contains("secret.example.com", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bed.AccessWrites(), r => r.Path.Contains("/access/apps", StringComparison.Ordinal));
        Assert.Empty(await bed.Gateway.ReadAsync(AccessTestBed.Ct));
        Assert.False(await bed.AnyAppAdmitsEveryoneAsync());
    }

    [Theory]
    [InlineData("""[{"decision":"allow","include":[{"email":{"email":"a@example.com"}}],"approval_required":true}]""")]
    [InlineData("""[{"decision":"allow","include":[{"email":{"email":"a@example.com"}}],"precedence":5}]""")]
    [InlineData("""[{"decision":"allow","include":[]}]""")]
    [InlineData("""[{"decision":"allow","include":[{"email":"a@example.com"}]}]""")]
    [InlineData("""[]""")]
    [InlineData("""not json""")]
    public async Task UpdateAsync_CustomRulesItCannotExpress_RefusesAndLeavesAppAsItWas(string json)
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var before = new AccessIntent("app.example.com", null, AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"decision":"allow","include":[{"email":{"email":"a@example.com"}}]}]""",
        };
        await bed.Gateway.CreateAsync(AccessTestBed.Create(before), AccessTestBed.Ct);
        var observed = await bed.ReadOneAsync("app.example.com");

        await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway.UpdateAsync(
            new AccessUpdateOperation(observed, before with { CustomRulesJson = json }, new PlanCause("test", [])), AccessTestBed.Ct));

        Assert.Equal(before, (await bed.ReadOneAsync("app.example.com")).AppliedIntent);
        Assert.DoesNotContain(bed.AccessWrites(), r => r.Method == "PUT");
    }

    [Fact]
    public async Task UpdateAsync_GroupsToCustomRulesAndBack_ReadsBackEachIntent()
    {
        await using var bed = await AccessTestBed.StartAsync(true, AccessTestBed.Team());
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var groups = new AccessIntent("app.example.com", "/admin", AccessMode.Groups) { Groups = ["team"] };
        var custom = new AccessIntent("app.example.com", "/admin", AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"decision":"allow","include":[{"email":{"email":"a@example.com"}}]},{"decision":"deny","include":[{"everyone":{}}]}]""",
            AppName = "Admin", SessionDuration = "4h",
        };
        var id = await bed.Gateway.CreateAsync(AccessTestBed.Create(groups), AccessTestBed.Ct);

        await bed.Gateway.UpdateAsync(new AccessUpdateOperation(await bed.ReadOneAsync("app.example.com/admin"), custom, new PlanCause("test", [])), AccessTestBed.Ct);
        var afterCustom = await bed.ReadOneAsync("app.example.com/admin");
        await bed.Gateway.UpdateAsync(new AccessUpdateOperation(afterCustom, groups, new PlanCause("test", [])), AccessTestBed.Ct);
        var afterGroups = await bed.ReadOneAsync("app.example.com/admin");

        Assert.Equal(id, afterCustom.Id);
        Assert.Equal(custom, afterCustom.AppliedIntent);
        Assert.Equal("Admin", afterCustom.Name);
        Assert.Equal(groups, afterGroups.AppliedIntent);
        var app = await bed.Harness.Apps.GetAccessApplicationAsync(bed.Harness.AccountId, id, AccessTestBed.Ct);
        var policy = Assert.Single(app!.Policies);
        Assert.True(policy.Reusable);
        Assert.Equal("8h", app.SessionDuration);
        Assert.True(app.AppLauncherVisible);
    }

    [Fact]
    public async Task ReadAsync_PolicyChangedInDashboard_AppliedIntentDiffers()
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var intent = new AccessIntent("app.example.com", null, AccessMode.CustomRules)
        {
            CustomRulesJson = """[{"decision":"allow","include":[{"email":{"email":"a@example.com"}}]}]""",
        };
        var id = await bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct);
        var policy = Assert.Single((await bed.Harness.Apps.GetAccessApplicationAsync(bed.Harness.AccountId, id, AccessTestBed.Ct))!.Policies);
        await bed.Harness.Apps.UpdateApplicationPolicyAsync(bed.Harness.AccountId, id, policy.Id,
            new AccessPolicyRequest(policy.Name, "allow", [AccessRule.EmailDomain("example.com")], Precedence: 1), AccessTestBed.Ct);

        var observed = await bed.ReadOneAsync("app.example.com");

        Assert.NotEqual(intent, observed.AppliedIntent);
    }

    [Fact]
    public async Task CreateAsync_ReusablePoliciesOff_InlinesTheGroupAndMakesNoReusablePolicy()
    {
        await using var bed = await AccessTestBed.StartAsync(false, AccessTestBed.Team());
        var groups = await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);

        var id = await bed.Gateway.CreateAsync(AccessTestBed.Create(new AccessIntent("app.example.com", null, AccessMode.Groups) { Groups = ["team"] }), AccessTestBed.Ct);

        Assert.Contains("team", groups);
        Assert.Empty(await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct));
        var policy = Assert.Single((await bed.Harness.Apps.GetAccessApplicationAsync(bed.Harness.AccountId, id, AccessTestBed.Ct))!.Policies);
        Assert.False(policy.Reusable);
        Assert.Equal("allow", policy.Decision);
        Assert.Equal(AccessTestBed.Team().Include, policy.Include);
        Assert.Equal(AccessTestBed.Team().Exclude, policy.Exclude);
    }

    [Fact]
    public async Task DeleteAsync_Twice_SecondCountsAsDeletedAndGroupPolicyStays()
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var intent = new AccessIntent("app.example.com", null, AccessMode.Groups) { Groups = ["public-default-bypass"] };
        await bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct);
        var observed = await bed.ReadOneAsync("app.example.com");
        var operation = new AccessDeleteOperation(observed, new PlanCause("test", []));

        await bed.Gateway.DeleteAsync(operation, AccessTestBed.Ct);
        await bed.Gateway.DeleteAsync(operation, AccessTestBed.Ct);

        Assert.Empty(await bed.Gateway.ReadAsync(AccessTestBed.Ct));
        Assert.Equal(2, bed.AccessWrites().Count(r => r.Method == "DELETE"));
        Assert.Contains(await bed.Harness.Policies.ListReusablePoliciesAsync(bed.Harness.AccountId, AccessTestBed.Ct), p => p.Name == "DockFlare-Default-Public-Access-Bypass");
    }

    [Fact]
    public async Task CreateAsync_CloudflareRejects_ThrowsReconcileExceptionWithDomainAndCodeButNoToken()
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        bed.Harness.Emulator.AddFault(new FaultRule { Method = "POST", Path = "/access/apps$", Status = 400, Code = 12130, Message = "access.api.error.invalid_request" });
        var intent = new AccessIntent("app.example.com", null, AccessMode.Groups) { Groups = ["public-default-bypass"] };

        var ex = await Assert.ThrowsAsync<ReconcileException>(() => bed.Gateway.CreateAsync(AccessTestBed.Create(intent), AccessTestBed.Ct));

        Assert.Contains("app.example.com", ex.Message, StringComparison.Ordinal);
        Assert.Contains("12130", ex.Message, StringComparison.Ordinal);
        Assert.Contains("access.api.error.invalid_request", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bed.Harness.Emulator.Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ManyApplications_ReadsEveryPageAndOnlySelfHosted()
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        for (var i = 0; i < 60; i++)
        {
            await bed.Gateway.CreateAsync(AccessTestBed.Create(new AccessIntent($"app{i}.example.com", null, AccessMode.Groups) { Groups = ["public-default-bypass"] }), AccessTestBed.Ct);
        }

        var apps = await bed.Gateway.ReadAsync(AccessTestBed.Ct);

        Assert.Equal(60, apps.Count);
        Assert.All(apps, a => Assert.Equal(["public-default-bypass"], a.AppliedIntent!.Groups));
    }

    [Fact]
    public async Task ReadAsync_AppLinkingForeignPolicy_HasNoAppliedIntent()
    {
        await using var bed = await AccessTestBed.StartAsync();
        await bed.Gateway.EnsureGroupsAsync(AccessTestBed.Ct);
        var foreign = await bed.Harness.Policies.CreateReusablePolicyAsync(bed.Harness.AccountId,
            new AccessPolicyRequest("Someone else's", "allow", [AccessRule.Email("x@example.com")]), AccessTestBed.Ct);
        await bed.Harness.Apps.CreateAccessApplicationAsync(bed.Harness.AccountId,
            new AccessApplicationRequest { Name = "Theirs", Domain = "theirs.example.com", Policies = [AccessPolicyAttachment.Link(foreign.Id, 1)] },
            AccessTestBed.Ct);

        var observed = await bed.ReadOneAsync("theirs.example.com");

        Assert.Null(observed.AppliedIntent);
        Assert.Equal("Theirs", observed.Name);
    }
}
