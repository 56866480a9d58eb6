using System.Text.Json;

namespace DockFlare.Plugins.Cloudflare.Tests;

/// <summary>Reusable policies, groups, identity providers and service tokens through the provider.</summary>
public sealed class AccessObjectContractTests
{
    [Fact]
    public async Task ReusablePolicies_CrudAndPaging_RoundTrip()
    {
        await using var h = await CloudflareHarness.StartAsync();
        for (var i = 0; i < 105; i++)
        {
            await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest($"p{i}", "allow", [AccessRule.EmailDomain("example.com")]), CloudflareHarness.Ct);
        }

        var policy = await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest(
            "authenticated", "allow", [AccessRule.Everyone()], Require: [AccessRule.LoginMethod((await h.IdentityProviders.ListIdentityProvidersAsync(h.AccountId, CloudflareHarness.Ct))[0].Id)],
            SessionDuration: "8h", PurposeJustificationRequired: true, PurposeJustificationPrompt: "why?"), CloudflareHarness.Ct);
        var all = await h.Policies.ListReusablePoliciesAsync(h.AccountId, CloudflareHarness.Ct);
        var updated = await h.Policies.UpdateReusablePolicyAsync(h.AccountId, policy.Id, new AccessPolicyRequest("authenticated", "allow", [AccessRule.Country("DE")]), CloudflareHarness.Ct);

        Assert.Equal(106, all.Count);
        Assert.True(policy.Reusable);
        Assert.Equal(("8h", true, "why?"), (policy.SessionDuration, policy.PurposeJustificationRequired, policy.PurposeJustificationPrompt));
        Assert.Equal(AccessRule.Country("DE"), updated.Include.Single());
        Assert.Empty(updated.Require);
        Assert.True(await h.Policies.DeleteReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct));
        Assert.Null(await h.Policies.GetReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task DeleteReusablePolicy_StillLinked_IsRefused()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var policy = await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest("in-use", "allow", [AccessRule.Everyone()]), CloudflareHarness.Ct);
        await h.Apps.CreateAccessApplicationAsync(h.AccountId, new AccessApplicationRequest
        {
            Name = "x", Domain = "x.example.com", Policies = [AccessPolicyAttachment.Link(policy.Id, 1)],
        }, CloudflareHarness.Ct);

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Policies.DeleteReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct));

        Assert.Equal(400, ex.StatusCode);
        Assert.NotNull(await h.Policies.GetReusablePolicyAsync(h.AccountId, policy.Id, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task CreateReusablePolicy_UnknownGroupReference_ThrowsValidationError()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => h.Policies.CreateReusablePolicyAsync(
            h.AccountId, new AccessPolicyRequest("g", "allow", [AccessRule.Group(Guid.NewGuid().ToString())]), CloudflareHarness.Ct));

        Assert.True(ex.IsValidationError);
    }

    [Fact]
    public async Task AccessGroups_Crud_RoundTrip()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var group = await h.Groups.CreateAccessGroupAsync(h.AccountId, new AccessGroupRequest("admins", [AccessRule.Email("a@example.com")], Exclude: [AccessRule.Country("XX")]), CloudflareHarness.Ct);
        var updated = await h.Groups.UpdateAccessGroupAsync(h.AccountId, group.Id, new AccessGroupRequest("admins", [AccessRule.Email("b@example.com")]), CloudflareHarness.Ct);
        var listed = await h.Groups.ListAccessGroupsAsync(h.AccountId, CloudflareHarness.Ct);
        var policy = await h.Policies.CreateReusablePolicyAsync(h.AccountId, new AccessPolicyRequest("via-group", "allow", [AccessRule.Group(group.Id)]), CloudflareHarness.Ct);

        Assert.Equal(AccessRule.Country("XX"), group.Exclude.Single());
        Assert.Equal(AccessRule.Email("b@example.com"), updated.Include.Single());
        Assert.Equal(group.Id, Assert.Single(listed).Id);
        Assert.Equal("group", policy.Include.Single().Kind);
        Assert.True(await h.Groups.DeleteAccessGroupAsync(h.AccountId, group.Id, CloudflareHarness.Ct));
        Assert.Null(await h.Groups.GetAccessGroupAsync(h.AccountId, group.Id, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task IdentityProviders_Crud_RedactsSecretsAndRefusesSecondOneTimePin()
    {
        await using var h = await CloudflareHarness.StartAsync();
        var config = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["client_id"] = "abc", ["client_secret"] = "super-secret-value", ["auth_url"] = "https://idp/auth", ["token_url"] = "https://idp/token", ["certs_url"] = "https://idp/certs",
        });

        var oidc = await h.IdentityProviders.CreateIdentityProviderAsync(h.AccountId, new IdentityProviderRequest("SSO", "oidc", config), CloudflareHarness.Ct);
        var read = await h.IdentityProviders.GetIdentityProviderAsync(h.AccountId, oidc.Id, CloudflareHarness.Ct);
        var renamed = await h.IdentityProviders.UpdateIdentityProviderAsync(h.AccountId, oidc.Id, new IdentityProviderRequest("SSO 2", "oidc", config), CloudflareHarness.Ct);
        var pin = await Assert.ThrowsAsync<CloudflareApiException>(() => h.IdentityProviders.CreateIdentityProviderAsync(
            h.AccountId, new IdentityProviderRequest("PIN", "onetimepin", JsonSerializer.SerializeToElement(new Dictionary<string, string>())), CloudflareHarness.Ct));

        Assert.Equal("oidc", read!.Type);
        Assert.NotEqual("super-secret-value", read.Config.GetProperty("client_secret").GetString());
        Assert.Equal("SSO 2", renamed.Name);
        Assert.True(pin.IsConflict);
        Assert.DoesNotContain("super-secret-value", new IdentityProviderRequest("SSO", "oidc", config).ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await h.IdentityProviders.ListIdentityProvidersAsync(h.AccountId, CloudflareHarness.Ct)).Count);
        Assert.True(await h.IdentityProviders.DeleteIdentityProviderAsync(h.AccountId, oidc.Id, CloudflareHarness.Ct));
    }

    [Fact]
    public async Task ServiceTokens_CreateRotateRefreshDelete_SecretOnlyOnCreateAndRotate()
    {
        await using var h = await CloudflareHarness.StartAsync();

        var created = await h.ServiceTokens.CreateServiceTokenAsync(h.AccountId, new ServiceTokenRequest("agents", "8760h"), CloudflareHarness.Ct);
        var listed = await h.ServiceTokens.ListServiceTokensAsync(h.AccountId, CloudflareHarness.Ct);
        var updated = await h.ServiceTokens.UpdateServiceTokenAsync(h.AccountId, created.Token.Id, new ServiceTokenRequest("agents-2"), CloudflareHarness.Ct);
        var refreshed = await h.ServiceTokens.RefreshServiceTokenAsync(h.AccountId, created.Token.Id, CloudflareHarness.Ct);
        var rotated = await h.ServiceTokens.RotateServiceTokenAsync(h.AccountId, created.Token.Id, CloudflareHarness.Ct);
        var deleted = await h.ServiceTokens.DeleteServiceTokenAsync(h.AccountId, created.Token.Id, CloudflareHarness.Ct);

        Assert.Equal(64, created.ClientSecret.Length);
        Assert.EndsWith(".access", created.Token.ClientId, StringComparison.Ordinal);
        Assert.Equal(created.Token.Id, Assert.Single(listed).Id);
        Assert.Equal("agents-2", updated.Name);
        Assert.True(refreshed.ExpiresAt >= created.Token.ExpiresAt);
        Assert.NotEqual(created.ClientSecret, rotated.ClientSecret);
        Assert.True(deleted);
        Assert.DoesNotContain(created.ClientSecret, created.ToString(), StringComparison.Ordinal);
        Assert.Null(await h.ServiceTokens.GetServiceTokenAsync(h.AccountId, created.Token.Id, CloudflareHarness.Ct));
        Assert.Contains(h.Requests, r => r.Method == "DELETE" && r.Status == 200);
    }
}
