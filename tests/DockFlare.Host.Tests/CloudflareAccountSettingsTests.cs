using DockFlare.Host.Configuration;
using DockFlare.Testing;

namespace DockFlare.Host.Tests;

public sealed class CloudflareAccountSettingsTests
{
    private const string Token = "secret-token-value-0123456789abcdefghij";

    [Fact]
    public void Bind_SandboxAndToken_ProblemSaysChooseOneWithoutTheToken()
    {
        var (_, problems) = Settings.Bind<CloudflareAccountSettings>(("DOCKFLARE_SANDBOX", "true"), ("CF_API_TOKEN", Token));

        var problem = Assert.Single(problems);
        Assert.StartsWith("DOCKFLARE_SANDBOX (--sandbox) and CF_API_TOKEN are both set: choose one.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_TokenWithoutAccount_ProblemNamesCfAccountId()
    {
        var (_, problems) = Settings.Bind<CloudflareAccountSettings>(("CF_API_TOKEN", Token));

        var problem = Assert.Single(problems);
        Assert.StartsWith("CF_ACCOUNT_ID is required when CF_API_TOKEN is set", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("0", false)]
    public void Bind_SandboxAlone_IsValid(string value, bool expected)
    {
        var (settings, problems) = Settings.Bind<CloudflareAccountSettings>(("DOCKFLARE_SANDBOX", value));

        Assert.Empty(problems);
        Assert.Equal(expected, settings.Sandbox);
    }

    [Fact]
    public void Bind_TokenAndAccount_IsValid()
    {
        var (settings, problems) = Settings.Bind<CloudflareAccountSettings>(
            ("CF_API_TOKEN", Token), ("CF_ACCOUNT_ID", "0123456789abcdef0123456789abcdef"));

        Assert.Empty(problems);
        Assert.True(settings.HasToken);
        Assert.Equal("0123456789abcdef0123456789abcdef", settings.AccountId);
    }
}
