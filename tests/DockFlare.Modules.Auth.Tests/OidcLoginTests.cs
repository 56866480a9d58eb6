using System.Security.Claims;

namespace DockFlare.Modules.Auth.Tests;

public sealed class OidcLoginTests
{
    private readonly EmailAllowList _allowList = new(["boss@example.com"], ["@example.com"]);

    [Theory]
    [InlineData("boss@example.com", "true", Roles.Admin)]
    [InlineData("BOSS@Example.com", "true", Roles.Admin)]
    [InlineData("dev@example.com", "true", Roles.Viewer)]
    [InlineData("dev@example.com", "false", null)]
    [InlineData("dev@example.com", null, null)]
    [InlineData("dev@evil-example.com", "true", null)]
    [InlineData("dev@example.com.evil.io", "true", null)]
    public void Admit_Claims_NeedsAVerifiedAllowedEmail(string email, string? verified, string? role)
    {
        var claims = new List<Claim> { new("email", email) };
        if (verified is not null)
        {
            claims.Add(new Claim("email_verified", verified));
        }

        var (principal, refusal) = OidcLogin.Admit(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")), _allowList);

        if (role is null)
        {
            Assert.Null(principal);
            Assert.NotEmpty(refusal);
        }
        else
        {
            Assert.True(principal!.IsInRole(role));
            Assert.Equal(email.ToLowerInvariant(), principal.Identity!.Name);
        }
    }

    [Fact]
    public void Admit_NoEmail_SaysTheScopeMayBeMissing()
    {
        var (principal, refusal) = OidcLogin.Admit(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "1")], "oidc")), _allowList);

        Assert.Null(principal);
        Assert.Contains("email", refusal, StringComparison.Ordinal);
    }
}
