using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>A master whose first admin was created through the setup page, and a browser to drive it.</summary>
public class AdminSession : IAsyncLifetime
{
    public const string AdminName = "admin";
    public const string AdminPassword = "correct-horse-battery-staple";
    public const string ViewerName = "onlooker";
    public const string ViewerPassword = "onlooker-password-long";

    private readonly Chromium _chromium = new();

    public UiMaster Master { get; private set; } = null!;

    /// <summary>Set by subclasses that need the master to watch the test dockerd.</summary>
    protected virtual bool WatchDocker => false;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        Master = await UiMaster.StartAsync(WatchDocker);
        await using var page = await OpenAsync();
        await CompleteSetupAsync(page, Master.SetupCode, AdminName, AdminPassword);
    }

    /// <summary>A new browser context on the master, not signed in.</summary>
    public Task<UiPage> OpenAsync(int width = 1280, int height = 900) => _chromium.OpenAsync(Master.BaseAddress, width, height);

    /// <summary>A new browser context signed in as the admin.</summary>
    public async Task<UiPage> OpenAsAdminAsync(int width = 1280, int height = 900)
    {
        var page = await OpenAsync(width, height);
        await page.SignInAsync(AdminName, AdminPassword);
        return page;
    }

    /// <summary>A new browser context signed in as a viewer (read-only), made once per session in the user store.</summary>
    public async Task<UiPage> OpenAsViewerAsync(int width = 1280, int height = 900)
    {
        var users = Master.Services.GetRequiredService<UserStore>();
        if (await users.FindAsync(ViewerName, CancellationToken.None) is null)
        {
            await users.SaveAsync(
                new UserAccount(ViewerName, PasswordSignIn.Hash(ViewerPassword), Roles.Viewer, 0, null, DateTimeOffset.UtcNow, null),
                CancellationToken.None);
        }

        var page = await OpenAsync(width, height);
        await page.SignInAsync(ViewerName, ViewerPassword);
        return page;
    }

    /// <summary>Fills the setup page and waits for the dashboard.</summary>
    public static async Task CompleteSetupAsync(UiPage page, string code, string userName, string password)
    {
        await page.GotoAsync("/setup");
        await page.Page.GetByLabel("Setup code").FillAsync(code);
        await page.Page.GetByLabel("Admin user name").FillAsync(userName);
        await page.Page.GetByLabel("Password (at least").FillAsync(password);
        await page.Page.GetByLabel("Password again").FillAsync(password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create the admin" }).ClickAsync();
        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
    }

    public async Task DisposeAsync()
    {
        if (Master is not null)
        {
            await Master.DisposeAsync();
        }

        await _chromium.DisposeAsync();
    }
}

/// <summary>An <see cref="AdminSession"/> whose master publishes the test dockerd's containers.</summary>
public sealed class DockerAdminSession : AdminSession
{
    protected override bool WatchDocker => true;
}
