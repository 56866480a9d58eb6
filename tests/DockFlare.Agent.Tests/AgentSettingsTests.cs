using DockFlare.Testing;
using Microsoft.Extensions.Logging;

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
        Assert.Equal(8080, settings.HealthCheckPort);
        Assert.Equal(LogLevel.Information, settings.MinimumLogLevel);
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
    [InlineData("DOCKFLARE_MASTER_URL", "https://admin:hunter2@dockflare.example.com", "DOCKFLARE_MASTER_URL must not contain a user name or password: the agent authenticates with DOCKFLARE_API_KEY.")]
    [InlineData("DOCKER_HOST", "/var/run/docker.sock", "DOCKER_HOST '/var/run/docker.sock' is not a Docker endpoint: use unix:///path/to/docker.sock or tcp://host:port.")]
    [InlineData("CLOUDFLARED_IMAGE", "Cloudflared:Latest!", "CLOUDFLARED_IMAGE 'Cloudflared:Latest!' is not an image reference (name[:tag][@sha256:digest]).")]
    [InlineData("CLOUDFLARED_NETWORK_NAME", "-net", "CLOUDFLARED_NETWORK_NAME '-net' is not a Docker network name (letters, digits, '_', '.', '-').")]
    [InlineData("CLOUDFLARED_IMAGE", "cloudflare/cloudflared@sha256:abc", "CLOUDFLARED_IMAGE 'cloudflare/cloudflared@sha256:abc' is not an image reference (name[:tag][@sha256:digest]).")]
    [InlineData("HEALTH_CHECK_PORT", "70000", "HEALTH_CHECK_PORT must be a port from 1 to 65535, or 0 to switch /health off.")]
    [InlineData("HEALTH_CHECK_PORT", "-1", "HEALTH_CHECK_PORT must be a port from 1 to 65535, or 0 to switch /health off.")]
    [InlineData("HEALTH_CHECK_PORT", "http", "HEALTH_CHECK_PORT: 'http' is not a whole number.")]
    [InlineData("LOG_LEVEL", "verbose", "LOG_LEVEL 'verbose' is not a level: use debug, info, warning or error.")]
    [InlineData("DATA_DIR", "data", "DATA_DIR 'data' is not an absolute directory path, such as /app/data.")]
    public void Bind_BadValue_ProblemNamesTheSetting(string key, string value, string expected)
    {
        var (_, problems) = Settings.Bind<AgentSettings>([.. Required.Where(r => r.Item1 != key), (key, value)]);

        Assert.Equal([expected], problems);
    }

    [Theory]
    [InlineData("dfa_3c09d510f9b4_cfb6deff\na03d316b")]
    [InlineData("{\n  \"keyId\": \"3c09d510f9b4\"\n}")]
    [InlineData("dfa_3c09d510f9b4 cfb6deffa03d316b")]
    [InlineData("dfa_3c09d510f9b4_cfb6déffa03d316b")]
    public void Bind_KeyWithALineBreakSpaceOrNonAscii_RefusedWithoutEchoingIt(string key)
    {
        // Such a key used to pass, then crash the agent on its first request (header values cannot hold a line break).
        var (_, problems) = Settings.Bind<AgentSettings>([.. Required.Where(r => r.Item1 != "DOCKFLARE_API_KEY"), ("DOCKFLARE_API_KEY", key)]);

        var problem = Assert.Single(problems);
        Assert.StartsWith("DOCKFLARE_API_KEY contains a space, a line break or a character outside printable ASCII", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("3c09d510f9b4", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ImagePinnedByDigest_IsAccepted()
    {
        var image = "cloudflare/cloudflared:2025.8.0@sha256:" + new string('a', 64);

        var (settings, problems) = Settings.Bind<AgentSettings>([.. Required, ("CLOUDFLARED_IMAGE", image)]);

        Assert.Empty(problems);
        Assert.Equal(image, settings.CloudflaredImage);
    }

    [Fact]
    public void Bind_SeveralBadValues_ReportsEveryOne()
    {
        var (_, problems) = Settings.Bind<AgentSettings>(
            ("DOCKFLARE_MASTER_URL", "master"), ("DOCKFLARE_API_KEY", "k"), ("HEALTH_CHECK_PORT", "99999"), ("AGENT_DISPLAY_NAME", new string('x', 65)), ("LOG_LEVEL", "loud"));

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("DOCKFLARE_MASTER_URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("HEALTH_CHECK_PORT", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AGENT_DISPLAY_NAME", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("LOG_LEVEL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("Info", LogLevel.Information)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    public void Bind_LogLevelInAnyCase_IsAccepted(string word, LogLevel expected)
    {
        var (settings, problems) = Settings.Bind<AgentSettings>([.. Required, ("LOG_LEVEL", word)]);

        Assert.Empty(problems);
        Assert.Equal(expected, settings.MinimumLogLevel);
    }

    [Fact]
    public void Bind_HealthPortZeroAndTimeZone_AreAccepted()
    {
        var (settings, problems) = Settings.Bind<AgentSettings>([.. Required, ("HEALTH_CHECK_PORT", "0"), ("TZ", "Europe/Zurich")]);

        Assert.Empty(problems);
        Assert.Equal(0, settings.HealthCheckPort);
    }

    [Theory]
    [InlineData("dfa_3f9a0c1b2d4e_secret", "3f9a0c1b2d4e")]
    [InlineData("not-an-agent-key", null)]
    public void ApiKeyId_IsOnlyThePublicPart(string key, string? expected)
    {
        var (settings, _) = Settings.Bind<AgentSettings>([.. Required.Where(r => r.Item1 != "DOCKFLARE_API_KEY"), ("DOCKFLARE_API_KEY", key)]);

        Assert.Equal(expected, settings.ApiKeyId);
    }
}
