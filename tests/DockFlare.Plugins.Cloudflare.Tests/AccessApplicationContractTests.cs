namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Access applications and their application-scoped policies through the provider.</summary>
public sealed class AccessApplicationContractTests
{
    [Fact]
    public async Task CreateAccessApplication_WithReusableLinkAndInlinePolicy_ResolvesBothInOrder()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var reusable = await h.Policies.CreateReusablePolicyAsync(h.AccountId,
            new AccessPolicyRequest("admins", "allow", [AccessRule.Email("admin@example.com")]), CloudflareHarness.Ct);
        var idp = (await h.IdentityProviders.ListIdentityProvidersAsync(h.AccountId, CloudflareHarness.Ct)).Single();

        var app = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest
        {
            Name = "App",
            Domain = "app.example.com",
            SessionDuration = "12h",
            AllowedIdps = [idp.Id],
            AutoRedirectToIdentity = true,
            AppLauncherVisible = false,
            Destinations = [AccessDestination.Public("app.example.com"), AccessDestination.Public("app.example.com/admin")],
            Policies =
            [
                AccessPolicyAttachment.Link(reusable.Id, 1),
                AccessPolicyAttachment.Inline(new AccessPolicyRequest("Default Deny", "deny", [AccessRule.Everyone()]), 2),
            ],
        }, CloudflareHarness.Ct);

        Assert.Equal(64, app.Aud!.Length);
        Assert.Equal(("12h", true, false), (app.SessionDuration, app.AutoRedirectToIdentity, app.AppLauncherVisible));
        Assert.Equal([idp.Id], app.AllowedIdps);
        Assert.Equal(["admins", "Default Deny"], app.Policies.Select(p => p.Name));
        Assert.Equal([true, false], app.Policies.Select(p => p.Reusable));
        Assert.Equal([1, 2], app.Policies.Select(p => p.Precedence ?? 0));
        Assert.Equal(AccessRule.Email("admin@example.com"), app.Policies[0].Include.Single());
        Assert.True(app.Protects("APP.example.com/admin/"));
        Assert.Equal(1, (await h.Policies.GetReusablePolicyAsync(h.AccountId, reusable.Id, CloudflareHarness.Ct))!.AppCount);
    }

    [Fact]
    public async Task CreateAccessApplication_DomainOutsideAccountZones_ThrowsValidationError()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Apps.CreateAccessApplicationAsync(h.AccountId,
            new AccessApplicationRequest { Name = "x", Domain = "app.not-mine.net" }, CloudflareHarness.Ct));

        Assert.True(ex.HasCode(12130));
        Assert.True(ex.IsValidationError);
    }

    [Fact]
    public async Task CreateAccessApplication_DomainAlreadyProtected_ThrowsConflict()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var request = new AccessApplicationRequest { Name = "x", Domain = "dup.example.com" };
        await h.Apps.CreateAccessApplicationAsync(h.AccountId, request, CloudflareHarness.Ct);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Apps.CreateAccessApplicationAsync(h.AccountId, request, CloudflareHarness.Ct));

        Assert.Equal(409, ex.StatusCode);
        Assert.True(ex.IsConflict);
        Assert.Equal(2, h.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task UpdateAccessApplication_NewPolicies_ReplacesWholesale()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var app = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest
        {
            Name = "u", Domain = "u.example.com",
            Policies = [AccessPolicyAttachment.Inline(new AccessPolicyRequest("old", "allow", [AccessRule.Everyone()]), 1)],
        }, CloudflareHarness.Ct);
        var oldPolicyId = app.Policies.Single().Id;

        var updated = await h.Apps.UpdateAccessApplicationAsync(h.AccountId, app.Id, new AccessApplicationRequest
        {
            Name = "u2", Domain = "u.example.com",
            Policies = [AccessPolicyAttachment.Inline(new AccessPolicyRequest("new", "bypass", [AccessRule.Ip("10.0.0.0/8")]), 1)],
        }, CloudflareHarness.Ct);

        Assert.Equal("u2", updated.Name);
        Assert.Equal("new", updated.Policies.Single().Name);
        Assert.Null(await h.Apps.GetApplicationPolicyAsync(h.AccountId, app.Id, oldPolicyId, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task FindAccessApplicationByHostname_BeyondFirstPage_FindsIt()
    {
        await using var h = await CloudflareHarness.StartAsync();
        for (var i = 1; i <= 150; i++)
        {
            await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = $"app{i}", Domain = $"app{i}.example.com" }, CloudflareHarness.Ct);
        }

        h.Emulator.ClearRequests();
        var found = await h.Apps.FindAccessApplicationByHostnameAsync(h.AccountId, "App137.Example.com", CloudflareHarness.Ct);
        var missing = await h.Apps.FindAccessApplicationByHostnameAsync(h.AccountId, "nothing.example.com", CloudflareHarness.Ct);

        Assert.Equal("app137", found!.Name);
        Assert.Null(missing);
        Assert.Equal(4, h.Requests.Count);
    }

    [Fact]
    public async Task ListAccessApplications_DomainFilter_IsSentToTheServer()
    {
        await using var h = await CloudflareHarness.StartAsync();
        await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "a", Domain = "a.example.com" }, CloudflareHarness.Ct);
        await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "b", Domain = "b.example.com" }, CloudflareHarness.Ct);

        var found = await h.Apps.ListAccessApplicationsAsync(h.AccountId, new AccessApplicationQuery(Domain: "b.example.com", Exact: true), CloudflareHarness.Ct);

        Assert.Equal("b", Assert.Single(found).Name);
        Assert.Contains(h.Requests, r => r.Query.Contains("domain=b.example.com", StringComparison.Ordinal) && r.Query.Contains("exact=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAccessApplication_ExistingThenAgain_TrueThenFalse()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var app = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "d", Domain = "d.example.com" }, CloudflareHarness.Ct);

        Assert.True(await h.Apps.DeleteAccessApplicationAsync(h.AccountId, app.Id, CloudflareHarness.Ct));
        Assert.False(await h.Apps.DeleteAccessApplicationAsync(h.AccountId, app.Id, CloudflareHarness.Ct));
        Assert.Null(await h.Apps.GetAccessApplicationAsync(h.AccountId, app.Id, CloudflareHarness.Ct));
        Assert.Contains(h.Requests, r => r.Method == "DELETE" && r.Status == 202);
    }

    [Fact]
    public async Task ApplicationPolicies_CreateUpdateDelete_RoundTrip()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var token = await h.ServiceTokens.CreateServiceTokenAsync(h.AccountId, new ServiceTokenRequest("dockflare-agents"), CloudflareHarness.Ct);
        var app = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "agents", Domain = "agents.example.com" }, CloudflareHarness.Ct);

        var serviceAuth = await h.Apps.CreateApplicationPolicyAsync(h.AccountId, app.Id,
            new AccessPolicyRequest("agents", "non_identity", [AccessRule.ServiceToken(token.Token.Id)], Precedence: 1), CloudflareHarness.Ct);
        var bypass = await h.Apps.CreateApplicationPolicyAsync(h.AccountId, app.Id,
            new AccessPolicyRequest("bypass", "bypass", [AccessRule.Everyone()], Precedence: 2), CloudflareHarness.Ct);
        var updated = await h.Apps.UpdateApplicationPolicyAsync(h.AccountId, app.Id, bypass.Id,
            new AccessPolicyRequest("deny-rest", "deny", [AccessRule.Everyone()], Precedence: 2), CloudflareHarness.Ct);
        var listed = await h.Apps.ListApplicationPoliciesAsync(h.AccountId, app.Id, CloudflareHarness.Ct);
        var deleted = await h.Apps.DeleteApplicationPolicyAsync(h.AccountId, app.Id, bypass.Id, CloudflareHarness.Ct);

        Assert.Equal(("non_identity", 1), (serviceAuth.Decision, serviceAuth.Precedence));
        Assert.Equal("deny-rest", updated.Name);
        Assert.Equal(["agents", "deny-rest"], listed.Select(p => p.Name));
        Assert.True(deleted);
        Assert.Single(await h.Apps.ListApplicationPoliciesAsync(h.AccountId, app.Id, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task ApplicationPolicies_DuplicatePrecedence_ThrowsValidationError()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var app = await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest { Name = "p", Domain = "p.example.com" }, CloudflareHarness.Ct);
        await h.Apps.CreateApplicationPolicyAsync(h.AccountId, app.Id, new AccessPolicyRequest("one", "allow", [AccessRule.Everyone()], Precedence: 1), CloudflareHarness.Ct);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Apps.CreateApplicationPolicyAsync(
            h.AccountId, app.Id, new AccessPolicyRequest("two", "allow", [AccessRule.Everyone()], Precedence: 1), CloudflareHarness.Ct));

        Assert.True(ex.IsValidationError);
    }

    [Fact]
    public async Task ListAccessApplications_AccessNotEnabled_ThrowsAccessNotEnabled()
    {
        await using var h = await CloudflareHarness.StartAsync();
        h.Emulator.SetAccessEnabled(h.AccountId, enabled: false);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Apps.ListAccessApplicationsAsync(h.AccountId, AccessApplicationQuery.All, CloudflareHarness.Ct));

        Assert.Equal(403, ex.StatusCode);
        Assert.True(ex.IsAccessNotEnabled);
        Assert.False(ex.IsPermissionError);
        Assert.Single(h.Requests);
    }
}
