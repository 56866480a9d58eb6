using Autofac;
using DockFlare.Testing;

namespace DockFlare.Modules.Tunnels.Tests;

public sealed class TunnelsModuleTests
{
    [Fact]
    public void Load_WithOptions_RegistersTheSameOptionsInstance()
    {
        var options = new TunnelsOptions { TunnelName = "home" };
        var builder = new ContainerBuilder();
        builder.RegisterModule(new TunnelsModule(options));
        using var container = builder.Build();

        Assert.Same(options, container.Resolve<TunnelsOptions>());
    }

    [Fact]
    public void Bind_NoSettings_UsesTheOriginalDefaults()
    {
        var (options, problems) = Settings.Bind<TunnelsOptions>();

        Assert.Empty(problems);
        Assert.Equal("cloudflare/cloudflared:latest", options.CloudflaredImage);
        Assert.Equal("cloudflare-net", options.CloudflaredNetworkName);
        Assert.False(options.UseExternalCloudflared);
    }

    [Theory]
    [InlineData("cloudflare/cloudflared:2025.8.0")]
    [InlineData("registry.example.com:5000/tools/cloudflared:latest")]
    [InlineData("cloudflare/cloudflared@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Bind_ValidImageReference_IsAccepted(string image)
    {
        var (options, problems) = Settings.Bind<TunnelsOptions>(("CLOUDFLARED_IMAGE", image));

        Assert.Empty(problems);
        Assert.Equal(image, options.CloudflaredImage);
    }

    [Theory]
    [InlineData("Cloudflare/Cloudflared")]
    [InlineData("cloudflared:")]
    [InlineData("cloudflared latest")]
    [InlineData("cloudflared@sha256:xyz")]
    public void Bind_MalformedImageReference_ProblemNamesTheSetting(string image)
    {
        var (_, problems) = Settings.Bind<TunnelsOptions>(("CLOUDFLARED_IMAGE", image));

        var problem = Assert.Single(problems);
        Assert.StartsWith($"CLOUDFLARED_IMAGE '{image}' is not an image reference", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ExternalModeWithoutTunnelId_ProblemNamesBothSettings()
    {
        var (_, problems) = Settings.Bind<TunnelsOptions>(("USE_EXTERNAL_CLOUDFLARED", "true"));

        Assert.Equal(["EXTERNAL_TUNNEL_ID must be the tunnel's UUID when USE_EXTERNAL_CLOUDFLARED is true."], problems);
    }

    [Fact]
    public void Bind_ExternalModeWithTunnelId_IsValid()
    {
        var (options, problems) = Settings.Bind<TunnelsOptions>(
            ("USE_EXTERNAL_CLOUDFLARED", "true"),
            ("EXTERNAL_TUNNEL_ID", "c1744f8b-faa1-48a4-9e5c-02ac921467fa"));

        Assert.Empty(problems);
        Assert.True(options.UseExternalCloudflared);
    }

    [Theory]
    [InlineData("CLOUDFLARED_NETWORK_NAME", "my net", "CLOUDFLARED_NETWORK_NAME 'my net' is not a Docker network name (letters, digits, '_', '.', '-').")]
    public void Bind_BadValue_ProblemNamesTheSetting(string key, string value, string expected)
    {
        var (_, problems) = Settings.Bind<TunnelsOptions>((key, value));

        Assert.Equal([expected], problems);
    }
}
