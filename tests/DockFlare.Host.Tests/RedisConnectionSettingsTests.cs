using DockFlare.Host.Configuration;
using DockFlare.Testing;

namespace DockFlare.Host.Tests;

public sealed class RedisConnectionSettingsTests
{
    [Theory]
    [InlineData("redis://redis", null, "redis", 6379, null, null, false, 0)]
    [InlineData("redis://redis:6380/2", null, "redis", 6380, null, null, false, 2)]
    [InlineData("redis://:p%40ss@10.0.0.5:6379", null, "10.0.0.5", 6379, null, "p@ss", false, 0)]
    [InlineData("rediss://dockflare:secret@cache.example.com:6380/0", null, "cache.example.com", 6380, "dockflare", "secret", true, 0)]
    [InlineData("redis://secretonly@redis", null, "redis", 6379, null, "secretonly", false, 0)]
    [InlineData("redis://redis", 5, "redis", 6379, null, null, false, 5)]
    [InlineData("redis://redis/5", 5, "redis", 6379, null, null, false, 5)]
    [InlineData("redis://[::1]:6390", null, "::1", 6390, null, null, false, 0)]
    public void Parse_ValidUrl_YieldsItsParts(
        string url, int? dbIndex, string host, int port, string? user, string? password, bool tls, int database)
    {
        var settings = RedisConnectionSettings.Parse(url, dbIndex);

        Assert.Equal(new RedisConnectionSettings(host, port, user, password, tls, database), settings);
    }

    [Theory]
    [InlineData("http://redis:6379", "REDIS_URL must look like redis://")]
    [InlineData("redis:6379", "REDIS_URL names no host: it must look like redis://")]
    [InlineData("redis://redis/cache", "REDIS_URL: what follows the host is not a database number")]
    public void Parse_MalformedUrl_MessageNamesTheSetting(string url, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => RedisConnectionSettings.Parse(url, null));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnencodedSlashInPassword_MessageShowsNoPartOfIt()
    {
        var ex = Assert.Throws<FormatException>(() => RedisConnectionSettings.Parse("redis://Pa55:w@rd/x@127.0.0.1:16999", null));

        Assert.DoesNotContain("w@rd", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("x@127", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UrlAndDbIndexDisagree_MessageNamesBoth()
    {
        var ex = Assert.Throws<FormatException>(() => RedisConnectionSettings.Parse("redis://redis/1", 2));

        Assert.Equal("REDIS_URL selects database 1 but REDIS_DB_INDEX is 2: set only one, or make them agree.", ex.Message);
    }

    [Fact]
    public void ToString_WithPassword_NeverShowsIt()
    {
        var settings = RedisConnectionSettings.Parse("rediss://dockflare:top-secret@cache.example.com:6380/3", null);

        Assert.Equal("rediss://dockflare:***@cache.example.com:6380/3", settings.ToString());
    }

    [Fact]
    public void ToConfigurationOptions_AppliesDatabaseTlsAndCredentials()
    {
        var options = RedisConnectionSettings.Parse("rediss://dockflare:pw@cache.example.com:6380", 4).ToConfigurationOptions();

        Assert.Equal(4, options.DefaultDatabase);
        Assert.True(options.Ssl);
        Assert.Equal("dockflare", options.User);
        Assert.Equal("pw", options.Password);
        Assert.False(options.AbortOnConnectFail);
        var endpoint = Assert.IsType<System.Net.DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(("cache.example.com", 6380), (endpoint.Host, endpoint.Port));
        Assert.DoesNotContain("pw", options.ToString(includePassword: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_RedisSettings_BadUrlIsAProblemNotACrash()
    {
        var (_, problems) = Settings.Bind<RedisSettings>(("REDIS_URL", "redis://:pw@host/x"), ("REDIS_DB_INDEX", "1"));

        Assert.Equal(["REDIS_URL: what follows the host is not a database number (percent-encode '/', '@' and ':' inside a password)."], problems);
    }

    [Fact]
    public void Bind_RedisDbIndexOutOfRange_ProblemNamesTheSetting()
    {
        var (_, problems) = Settings.Bind<RedisSettings>(("REDIS_URL", "redis://redis"), ("REDIS_DB_INDEX", "-1"));

        Assert.Equal(["REDIS_DB_INDEX must be between 0 and 1023."], problems);
    }
}
