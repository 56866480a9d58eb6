using Autofac;
using DockFlare.Testing;

namespace DockFlare.Modules.Auth.Tests;

public sealed class AuthModuleTests
{
    [Fact]
    public void Load_WithOptions_RegistersTheSameOptionsInstance()
    {
        var options = new AuthOptions();
        var builder = new ContainerBuilder();
        builder.RegisterModule(new AuthModule(options));
        using var container = builder.Build();

        Assert.Same(options, container.Resolve<AuthOptions>());
    }

    [Fact]
    public void Bind_ShortApiKey_ProblemNamesTheSettingButNeverTheKey()
    {
        var (_, problems) = Settings.Bind<AuthOptions>(("DOCKFLARE_API_KEY", "hunter2-secret"));

        var problem = Assert.Single(problems);
        Assert.Contains("DOCKFLARE_API_KEY is too short", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_LongApiKey_IsAccepted()
    {
        var (options, problems) = Settings.Bind<AuthOptions>(("DOCKFLARE_API_KEY", new string('k', 40)));

        Assert.Empty(problems);
        Assert.Equal(40, options.ApiKey?.Length);
    }

    [Theory]
    [InlineData("dockflare.example.com")]
    [InlineData("ftp://dockflare.example.com")]
    public void Bind_PublicUrlNotHttp_ProblemNamesTheSetting(string url)
    {
        var (_, problems) = Settings.Bind<AuthOptions>(("DOCKFLARE_PUBLIC_URL", url));

        Assert.Equal([$"DOCKFLARE_PUBLIC_URL '{url}' is not an absolute http(s) URL."], problems);
    }
}
