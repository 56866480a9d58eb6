using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.Settings;
using DockFlare.Host.Sandbox;

namespace DockFlare.Host.Tests;

public sealed class SandboxStartupTests
{
    [Fact]
    public async Task Start_SandboxSwitch_SeedsTwoZonesAndRegistersTheSandboxAccount()
    {
        Uri emulatorRoot;
        await using (var host = await TestHost.StartAsync(["--sandbox"]))
        {
            var emulator = host.Services.GetRequiredService<RunningEmulator>();
            var account = host.Services.GetRequiredService<CloudflareAccount>();
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            emulatorRoot = emulator.RootUrl;

            Assert.Equal(new CloudflareAccount(emulator.AccountId, IsSandbox: true), account);
            Assert.Equal(["example.co.uk", "example.com"], emulator.ZoneIds.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(emulator.BaseUrl.AbsoluteUri, configuration["CF_API_BASE_URL"]);
            Assert.Equal(emulator.AccountId, configuration["CF_ACCOUNT_ID"]);
            Assert.Equal(emulator.Token, configuration["CF_API_TOKEN"]);

            // The emulator answers real API calls with the seeded zones.
            using var cf = new HttpClient { BaseAddress = emulator.BaseUrl };
            cf.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token);
            using var zones = JsonDocument.Parse(await cf.GetStringAsync(new Uri("zones", UriKind.Relative)));
            Assert.Equal(
                ["example.co.uk", "example.com"],
                zones.RootElement.GetProperty("result").EnumerateArray().Select(z => z.GetProperty("name").GetString()).Order(StringComparer.Ordinal));

            var healthz = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(["true"], healthz.Headers.GetValues(SandboxResponseHeader.Name));
        }

        // Disposed with the app: nothing listens there any more.
        using var after = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync(new Uri(emulatorRoot, "client/v4/zones")));
    }

    [Fact]
    public async Task Start_SandboxSettingTrue_SandboxHeaderOnUnauthorizedResponsesToo()
    {
        await using var host = await TestHost.StartAsync(["--DOCKFLARE_SANDBOX=true"]);

        var response = await host.Client.GetAsync(new Uri("/api/v2/routes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["true"], response.Headers.GetValues(SandboxResponseHeader.Name));
        Assert.True(host.Services.GetRequiredService<CloudflareAccount>().IsSandbox);
    }

    [Fact]
    public async Task Start_NoTokenNoSandbox_RegistersAnUnconfiguredAccountAndNoSandboxHeader()
    {
        await using var host = await TestHost.StartAsync();

        var healthz = await host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(new CloudflareAccount(null, IsSandbox: false), host.Services.GetRequiredService<CloudflareAccount>());
        Assert.False(healthz.Headers.Contains(SandboxResponseHeader.Name));
        Assert.Null(host.Services.GetService<RunningEmulator>());
    }

    [Fact]
    public void Build_TokenWithoutAccount_SettingsErrorNamesCfAccountId()
    {
        var error = Assert.Throws<SettingsException>(() =>
            DockFlareApp.Build(["--CF_API_TOKEN=secret-token-value-0123456789abcdefghij"]));

        Assert.Contains(error.Problems, p => p.StartsWith("CF_ACCOUNT_ID is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Main_SandboxAndToken_ExitsWithCodeTwo()
    {
        var main = typeof(DockFlareApp).Assembly.EntryPoint!;
        string[] args = ["--sandbox", "--CF_API_TOKEN=secret-token-value-0123456789abcdefghij"];

        var returned = main.Invoke(null, [args]);
        var exitCode = returned is Task<int> task ? await task : (int)returned!;

        Assert.Equal(2, exitCode);
    }
}
