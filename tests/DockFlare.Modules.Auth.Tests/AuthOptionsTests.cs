using System.ComponentModel.DataAnnotations;

namespace DockFlare.Modules.Auth.Tests;

public sealed class AuthOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoProblem() => Assert.Empty(Problems(new AuthOptions()));

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("172.18.0.0/16, ::1", true)]
    [InlineData("10.0.0.300", false)]
    [InlineData("proxy.local", false)]
    public void Validate_TrustedProxies_NamesABadEntry(string value, bool valid)
    {
        var problems = Problems(new AuthOptions { TrustedProxies = value });

        if (valid)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains("DOCKFLARE_TRUSTED_PROXIES", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_OidcWithoutAllowList_SaysNobodyCouldSignIn()
    {
        var problems = Problems(new AuthOptions { OidcAuthority = "https://id.example.com", OidcClientId = "dockflare", OidcClientSecret = "s" });

        Assert.Contains(problems, p => p.Contains("allow-list", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OidcComplete_HasNoProblem() =>
        Assert.Empty(Problems(new AuthOptions
        {
            OidcAuthority = "https://id.example.com",
            OidcClientId = "dockflare",
            OidcClientSecret = "s",
            OidcAdmins = "me@example.com",
            OidcViewers = "@example.com",
        }));

    [Theory]
    [InlineData("https://tools.example.com", true)]
    [InlineData("https://tools.example.com/", false)]
    [InlineData("*", false)]
    public void Validate_CorsOrigins_AcceptsOnlyOrigins(string value, bool valid) =>
        Assert.Equal(valid, Problems(new AuthOptions { CorsOrigins = value }).Count == 0);

    private static List<string> Problems(AuthOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];
}
