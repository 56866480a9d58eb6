using System.Net;
using System.Text.Json;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Modules.Auth;
using NSubstitute;

namespace DockFlare.Host.Tests;

public sealed class ApiKeyEndpointTests
{
    private static readonly Uri Routes = new("/api/v2/routes", UriKind.Relative);

    [Fact]
    public async Task Get_NoKey_Returns401WithJsonBodyAndBearerChallenge()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync(Routes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("'Authorization: Bearer <key>'", text, StringComparison.Ordinal); // readable, not \u003C-escaped
        using var body = JsonDocument.Parse(text);
        Assert.Equal("unauthorized", body.RootElement.GetProperty("error").GetString());
        Assert.Contains("Authorization: Bearer", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        await host.Reconciler.DidNotReceiveWithAnyArgs().GetRoutesAsync(default);
    }

    [Fact]
    public async Task Get_WrongKey_Returns401SayingTheKeyIsNotValid()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Authorized("not-the-key-0123456789-abcdefghijkl").GetAsync(Routes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The API key is not valid.", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_RightKey_Returns200()
    {
        await using var host = await TestHost.StartAsync();
        host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));

        var response = await host.Authorized().GetAsync(Routes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownApiPathWithoutKey_Returns401NotTheEndpointList()
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Client.GetAsync(new Uri("/api/v2/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task HealthEndpoints_NoKey_AreAnonymous()
    {
        await using var host = await TestHost.StartAsync();

        var healthz = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var readyz = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        // No plugins in the test's plugins folder, so readiness fails; what matters is that no key is asked for.
        Assert.NotEqual(HttpStatusCode.Unauthorized, readyz.StatusCode);
        Assert.Contains("\"checks\"", await readyz.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireDashboard_NoSession_RedirectsToSignIn()
    {
        await using var host = await TestHost.StartAsync();

        using var ui = new UiClient(host.Client.BaseAddress!);

        var response = await ui.Http.GetAsync(new Uri("/hangfire", UriKind.Relative));

        // Loopback used to be enough (Hangfire's own rule); now only a signed-in admin sees it.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoConfiguredKey_PrintsAKeyOnceAndStoresOnlyItsHash()
    {
        using var data = new TempFolder();
        string key;
        await using (var first = await TestHost.StartAsync(dataDirectory: data.Path, apiKey: null))
        {
            key = Assert.Single(first.Announcer.Keys);
            var stored = await first.Services.GetRequiredService<IStateStore>().GetSettingAsync(ApiKeyVault.HashSettingKey);

            Assert.Equal(43, key.Length); // 32 bytes, base64url without padding
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), stored?.Value);
            Assert.DoesNotContain(key, Directory.EnumerateFiles(data.Path, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.Equal(HttpStatusCode.OK, (await StubRoutes(first).Authorized(key).GetAsync(Routes)).StatusCode);
        }

        await using var second = await TestHost.StartAsync(dataDirectory: data.Path, apiKey: null);

        Assert.Empty(second.Announcer.Keys);
        Assert.Equal(HttpStatusCode.OK, (await StubRoutes(second).Authorized(key).GetAsync(Routes)).StatusCode);
    }

    private static TestHost StubRoutes(TestHost host)
    {
        host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));
        return host;
    }
}
