using DockFlare.Testing;

namespace DockFlare.Agent.Tests;

public sealed class AgentSettingsTests
{
    private static readonly (string, string)[] Required =
    [
        ("DOCKFLARE_MASTER_URL", "https://dockflare.example.com"),
        ("DOCKFLARE_API_KEY", "dfa_0123456789abcdef"),
    ];

    [Fact]
    public void Bind_RequiredSettingsOnly_UsesTheOriginalDefaults()
    {
        var (settings, problems) = Settings.Bind<AgentSettings>(Required);

        Assert.Empty(problems);
        Assert.Equal(new Uri("https://dockflare.example.com"), settings.MasterUri);
        Assert.Equal("unix:///var/run/docker.sock", settings.DockerHost);
        Assert.Equal("cloudflare/cloudflared:latest", settings.CloudflaredImage);
        Assert.Equal("cloudflare-net", settings.CloudflaredNetworkName);
        Assert.Equal("/app/data", settings.DataDirectory);
    }

    [Fact]
    public void Bind_NothingSet_NamesBothRequiredSettings()
    {
        var (_, problems) = Settings.Bind<AgentSettings>();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("DOCKFLARE_MASTER_URL is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DOCKFLARE_API_KEY is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DOCKFLARE_MASTER_URL", "dockflare.example.com", "DOCKFLARE_MASTER_URL 'dockflare.example.com' is not an absolute http(s) URL.")]
    [InlineData("DOCKER_HOST", "/var/run/docker.sock", "DOCKER_HOST '/var/run/docker.sock' is not a Docker endpoint: use unix:///path/to/docker.sock or tcp://host:port.")]
    [InlineData("CLOUDFLARED_IMAGE", "Cloudflared:Latest!", "CLOUDFLARED_IMAGE 'Cloudflared:Latest!' is not an image reference (name[:tag][@sha256:digest]).")]
    [InlineData("CLOUDFLARED_NETWORK_NAME", "-net", "CLOUDFLARED_NETWORK_NAME '-net' is not a Docker network name (letters, digits, '_', '.', '-').")]
    public void Bind_BadValue_ProblemNamesTheSetting(string key, string value, string expected)
    {
        var (_, problems) = Settings.Bind<AgentSettings>([.. Required.Where(r => r.Item1 != key), (key, value)]);

        Assert.Equal([expected], problems);
    }

    [Fact]
    public void Bind_ImagePinnedByDigest_IsAccepted()
    {
        var image = "cloudflare/cloudflared:2025.8.0@sha256:" + new string('a', 64);

        var (settings, problems) = Settings.Bind<AgentSettings>([.. Required, ("CLOUDFLARED_IMAGE", image)]);

        Assert.Empty(problems);
        Assert.Equal(image, settings.CloudflaredImage);
    }
}
