using System.Net;
using System.Text.Json;
using DockFlare.Core.Settings;
using DockFlare.Core.State;
using DockFlare.Host;
using DockFlare.Testing;

namespace DockFlare.IntegrationTests;

/// <summary>The master as Program builds it, on a loopback port: health, readiness, quarantine, settings.</summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task Readyz_EmbeddedStorageAndBrokenPlugin_NamesEveryCheckAndKeepsServing()
    {
        using var folders = new PluginFolders("docker", "cloudflare");
        folders.CopyBuilt("throwing", "throwing");
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", folders.Directory),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
        ]);

        var healthz = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);

        var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var body = JsonDocument.Parse(await readyz.Content.ReadAsStringAsync());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);

        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["cloudflare", "cloudflare-credentials", "docker", "plugins", "storage"], checks.Keys.Order());
        Assert.Equal("none set", checks["cloudflare-credentials"].GetProperty("description").GetString());
        Assert.Equal("Healthy", checks["storage"].GetProperty("status").GetString());
        Assert.Contains(data.Path, checks["storage"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", checks["docker"].GetProperty("status").GetString());
        Assert.Equal("Degraded", checks["cloudflare"].GetProperty("status").GetString());
        Assert.Equal("Degraded", checks["plugins"].GetProperty("status").GetString());
        Assert.StartsWith("broken: InvalidOperationException: registrar failed on purpose",
            checks["plugins"].GetProperty("data").GetProperty("throwing").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_SecondCopyOfAPlugin_KeepsServingAndListsBoth()
    {
        // Found by a newcomer: a copied plugin used to crash the start (duplicate health check names) or
        // hide every plugin from /readyz (duplicate keys).
        using var folders = new PluginFolders("docker", "cloudflare");
        var copy = folders.CopyBuilt("docker", "docker2");
        File.WriteAllText(Path.Combine(copy, "plugin.json"), PluginLoaderTests.Manifest("docker2", "DockFlare.Plugins.Docker.dll", "1.2"));
        folders.CopyBuilt("docker", "docker-again");
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", folders.Directory),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
        ]);

        using var body = JsonDocument.Parse(await host.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative)));
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        var plugins = checks["plugins"].GetProperty("data");

        Assert.True(checks.ContainsKey("docker") && checks.ContainsKey("docker#2"));
        Assert.StartsWith("loaded", plugins.GetProperty("docker").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("loaded", plugins.GetProperty("docker2").GetString(), StringComparison.Ordinal);
        Assert.Contains("already loaded", plugins.GetProperty($"docker ({Path.Combine(folders.Directory, "docker-again")})").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_RequiredPluginMissing_IsUnavailable()
    {
        using var folders = new PluginFolders("docker");
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", folders.Directory),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
        ]);

        var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
        Assert.Contains("required plugins not usable: cloudflare", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false", HttpStatusCode.OK)]
    [InlineData("true", HttpStatusCode.ServiceUnavailable)]
    public async Task Readyz_NoDockerPlugin_UnavailableOnlyWhenLocalContainersAreASource(string dockerSource, HttpStatusCode expected)
    {
        using var folders = new PluginFolders("cloudflare");
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", folders.Directory),
            ("DATA_DIR", data.Path),
            ("DOCKER_SOURCE_ENABLED", dockerSource),
        ]);

        var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(expected, readyz.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Contains("required plugins not usable: docker", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Readyz_DockerEngineDown_IsUnavailableButTheMasterRuns()
    {
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", PluginFolders.AllBuilt),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", "unix:///tmp/dockflare-no-such-engine.sock"),
        ]);

        var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var healthz = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
        Assert.Contains("dockflare-no-such-engine.sock", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
    }

    [Fact]
    public async Task Readyz_RedisUnreachable_StorageUnhealthyWithoutThePassword()
    {
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", PluginFolders.AllBuilt),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
            ("REDIS_URL", "redis://dockflare:s3cret-pw@127.0.0.1:1/3"),
        ]);

        var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var text = await readyz.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyz.StatusCode);
        Assert.Contains("redis://dockflare:***@127.0.0.1:1/3 is unreachable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_RedisConfigured_StorageNamesRedisAndIsHealthy()
    {
        await using var redis = await TestRedis.ConnectAndFlushAsync(TestRedis.HostDatabase);
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", PluginFolders.AllBuilt),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
            ("REDIS_URL", TestInfrastructure.RedisUrl),
            ("REDIS_DB_INDEX", TestRedis.HostDatabase.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        var text = await host.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Contains($"redis {TestInfrastructure.RedisUrl.TrimEnd('/')}/{TestRedis.HostDatabase} answered", text, StringComparison.Ordinal);

        // The state store the modules get is the Redis one, on the configured database.
        var store = host.Services.GetRequiredService<IStateStore>();
        await store.SetSettingAsync(new SettingEntry("probe", "on-redis", IsJson: false));
        Assert.True(await redis.GetDatabase().KeyExistsAsync("dockflare:state:settings"));
        Assert.False(Directory.Exists(Path.Combine(data.Path, "state")));
    }

    [Fact]
    public async Task StateStore_NoRedis_IsTheEmbeddedStoreUnderDataDir()
    {
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", PluginFolders.AllBuilt),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
        ]);

        var store = host.Services.GetRequiredService<IStateStore>();
        await store.SetSettingAsync(new SettingEntry("probe", "on-disk", IsJson: false));

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data.Path, "state")));
        Assert.Equal("on-disk", (await store.GetSettingAsync("probe"))?.Value);
    }

    [Fact]
    public async Task HangfireDashboard_FromLoopbackWithoutSession_IsBehindSignIn()
    {
        using var data = new TempFolder();
        await using var host = await HostUnderTest.StartAsync(
        [
            ("PLUGINS_DIR", PluginFolders.AllBuilt),
            ("DATA_DIR", data.Path),
            ("DOCKER_HOST", TestInfrastructure.DockerHost),
        ]);

        // Loopback used to be enough; now the dashboard is for signed-in admins only (a session is tested in Host.Tests).
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = host.Client.BaseAddress };
        var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SeveralBadSettings_ThrowsNamingEachOfThem()
    {
        var ex = Assert.Throws<SettingsException>(() => DockFlareApp.Build(
        [
            "--LOG_LEVEL=LOUD",
            "--REDIS_URL=http://127.0.0.1:6379",
            "--GRACE_PERIOD_SECONDS=soon",
            "--USE_EXTERNAL_CLOUDFLARED=true",
            "--LABEL_PREFIX=my prefix",
        ]));

        Assert.Equal(5, ex.Problems.Count);
        Assert.Contains(ex.Problems, p => p.StartsWith("LABEL_PREFIX 'my prefix' is not a label prefix", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("LOG_LEVEL 'LOUD' is not a level", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("REDIS_URL must look like redis://", StringComparison.Ordinal));
        Assert.Contains("GRACE_PERIOD_SECONDS: 'soon' is not a whole number.", ex.Problems);
        Assert.Contains(ex.Problems, p => p.StartsWith("EXTERNAL_TUNNEL_ID must be", StringComparison.Ordinal));
    }
}
