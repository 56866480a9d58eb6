using System.Net.Http.Json;
using DockFlare.CloudflareEmulator;
using DockFlare.Host.Api;
using DockFlare.Host.Web.Cloudflare;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>
/// A master started with no Cloudflare at all takes the account and token on the setup page: checked live with
/// Cloudflare (here the emulator), stored encrypted, and used from the next start.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CloudflareSetupTests : IAsyncLifetime
{
    private readonly Chromium _chromium = new();
    private RunningEmulator _emulator = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _emulator = await CloudflareEmulatorApp.StartAsync(
            new EmulatorOptions
            {
                Seed = new EmulatorSeed
                {
                    Accounts = [new SeedAccount { Name = "Home", Zones = [new SeedZone { Name = "example.com" }] }],
                    Tokens = [new SeedToken()],
                },
            },
            "http://127.0.0.1:0");
        _data = Directory.CreateTempSubdirectory("dockflare-ui-cf-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _chromium.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Setup_WrongTokenThenRightOne_RefusedThenStoredEncryptedAndUsedAfterRestart()
    {
        var cloudflare = $"--CF_API_BASE_URL={_emulator.BaseUrl.AbsoluteUri}";
        string tunnel;
        await using (var master = await UiMaster.StartAsync(watchDocker: false, sandbox: false, _data, cloudflare))
        {
            tunnel = "ui-" + master.Suffix;
            await using var page = await _chromium.OpenAsync(master.BaseAddress, 1280, 900);
            await page.GotoAsync("/setup");
            await Assertions.Expect(page.Page.Locator("#cloudflare-state")).ToContainTextAsync("Not configured yet");
            await FillSetupAsync(page, master.SetupCode, _emulator.AccountId, "not-the-token");
            await Assertions.Expect(page.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Cloudflare does not accept this token");
            Assert.Null(await master.Services.GetRequiredService<CloudflareCredentialStore>().LoadAsync(CancellationToken.None));

            await FillSetupAsync(page, master.SetupCode, "NOT-AN-ACCOUNT", _emulator.Token);
            await Assertions.Expect(page.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The account id must be the 32 hexadecimal characters");

            await FillSetupAsync(page, master.SetupCode, _emulator.AccountId, _emulator.Token);
            await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/settings");
            await Assertions.Expect(page.Page.Locator("#settings-notice")).ToContainTextAsync("Restart the master to start publishing");
            await Assertions.Expect(page.Page.Locator("#cloudflare-stored")).ToContainTextAsync(_emulator.AccountId);
            await page.ScreenshotAsync("settings-cloudflare");
            page.AssertNoConsoleProblems();
        }

        var stored = string.Join("\n", Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("keys", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.Contains(CloudflareCredentialStore.SettingKey, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.Token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(_emulator.AccountId, stored, StringComparison.Ordinal);

        await using (var master = await UiMaster.StartAsync(watchDocker: false, sandbox: false, _data, cloudflare, $"--TUNNEL_NAME={tunnel}"))
        {
            await using var page = await _chromium.OpenAsync(master.BaseAddress, 1280, 900);
            await page.SignInAsync(AdminSession.AdminName, AdminSession.AdminPassword);
            await page.GotoAsync("/admin/settings");
            await Assertions.Expect(page.Page.Locator("#settings")).ToContainTextAsync($"account {_emulator.AccountId} (entered here, stored encrypted)");

            var hostname = "stored-" + master.Suffix + ".example.com";
            var created = await master.Api.PostAsJsonAsync(
                new Uri("/api/v2/rules", UriKind.Relative), new { id = "stored", tunnel, hostname, service = "http://app:80" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await page.GotoAsync("/");
            var row = page.Page.Locator("#routes tbody tr", new() { HasText = hostname });
            await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("live", new() { Timeout = 30_000 });
            Assert.Contains(_emulator.Requests, r => r.Path.Contains("dns_records", StringComparison.Ordinal) && r.Method == "POST");
            page.AssertNoConsoleProblems();
        }
    }

    [Fact]
    public async Task Settings_EnvironmentConfigured_OffersNoCloudflareForm()
    {
        await using var master = await UiMaster.StartAsync(
            watchDocker: false, sandbox: false, dataDirectory: null,
            $"--CF_API_BASE_URL={_emulator.BaseUrl.AbsoluteUri}", $"--CF_API_TOKEN={_emulator.Token}", $"--CF_ACCOUNT_ID={_emulator.AccountId}");
        await using var page = await _chromium.OpenAsync(master.BaseAddress, 1280, 900);
        await page.GotoAsync("/setup");
        await Assertions.Expect(page.Page.Locator("#cloudflare-state")).ToHaveTextAsync("Configured from CF_API_TOKEN and CF_ACCOUNT_ID.");
        await Assertions.Expect(page.Page.GetByLabel("Cloudflare API token")).ToHaveCountAsync(0);
        await AdminSession.CompleteSetupAsync(page, master.SetupCode, AdminSession.AdminName, AdminSession.AdminPassword);
        await page.GotoAsync("/admin/settings");
        await Assertions.Expect(page.Page.Locator("#settings")).ToContainTextAsync("(CF_API_TOKEN and CF_ACCOUNT_ID)");
        await Assertions.Expect(page.Page.Locator("#cloudflare")).ToHaveCountAsync(0);
        page.AssertNoConsoleProblems();
    }

    private static async Task FillSetupAsync(UiPage page, string code, string accountId, string token)
    {
        await page.Page.GetByLabel("Setup code").FillAsync(code);
        await page.Page.GetByLabel("Admin user name").FillAsync(AdminSession.AdminName);
        await page.Page.GetByLabel("Password (at least").FillAsync(AdminSession.AdminPassword);
        await page.Page.GetByLabel("Password again").FillAsync(AdminSession.AdminPassword);
        await page.Page.GetByLabel("Cloudflare account id").FillAsync(accountId);
        await page.Page.GetByLabel("Cloudflare API token").FillAsync(token);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create the admin" }).ClickAsync();
    }
}
