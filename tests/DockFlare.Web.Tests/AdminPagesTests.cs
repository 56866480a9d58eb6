using System.Net;
using System.Net.Http.Headers;
using DockFlare.Modules.Auth;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>Users, API tokens and settings, driven as an admin would.</summary>
[Trait("Category", "Browser")]
public sealed class AdminPagesTests : IClassFixture<AdminSession>
{
    private readonly AdminSession _session;

    public AdminPagesTests(AdminSession session) => _session = session;

    [Fact]
    public async Task Tokens_CreateReadToken_ShownOnceWorksForReadingAndRevokes()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/admin/tokens");
        await page.Page.GetByLabel("Name").FillAsync("nightly backup");
        await page.Page.GetByLabel("Scope").SelectOptionAsync("Read");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create the token" }).ClickAsync();

        var token = (await page.Page.Locator("#new-token").TextContentAsync())!.Trim();
        Assert.StartsWith("dft_", token, StringComparison.Ordinal);
        await page.ScreenshotAsync("tokens");
        using var client = new HttpClient { BaseAddress = _session.Master.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v2/routes", UriKind.Relative))).StatusCode);

        // Shown once: a reload shows the list, not the token.
        await page.GotoAsync("/admin/tokens");
        Assert.DoesNotContain(token, await page.Page.ContentAsync(), StringComparison.Ordinal);
        var row = page.Page.Locator("#tokens tbody tr", new() { HasText = "nightly backup" });
        await Assertions.Expect(row).ToContainTextAsync("read");

        page.Page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v2/routes", UriKind.Relative))).StatusCode);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Users_AddViewer_ViewerSignsInAndSeesNoAdminControls()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/admin/users");
        var form = page.Page.Locator("form", new() { Has = page.Page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }) });
        await form.GetByLabel("User name").FillAsync("watcher");
        await form.GetByLabel("Role").SelectOptionAsync(Roles.Viewer);
        await form.GetByLabel("Password").FillAsync("watcher-password-long");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("main .notice")).ToContainTextAsync("Added watcher (viewer)");
        await page.ScreenshotAsync("users");

        await using var viewer = await _session.OpenAsync();
        await viewer.SignInAsync("watcher", "watcher-password-long");
        await Assertions.Expect(viewer.Page.Locator(".who")).ToContainTextAsync("viewer");
        await Assertions.Expect(viewer.Page.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
        var response = await viewer.Page.GotoAsync("/admin/users");
        Assert.EndsWith("/denied", new Uri(viewer.Page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.NotNull(response);
        viewer.AssertNoConsoleProblems();
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Users_PasswordTooShort_SaysWhatIsNeeded()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/admin/users");
        var form = page.Page.Locator("form", new() { Has = page.Page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }) });
        await form.GetByLabel("User name").FillAsync("shorty");
        await form.GetByLabel("Password").FillAsync("short");
        // The browser's own minlength check would stop the form; the server must say the same when it is bypassed.
        await form.EvaluateAsync("f => f.noValidate = true");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).ClickAsync();

        await Assertions.Expect(page.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Settings_ShowsTheEnvironmentWithoutSecrets()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/admin/settings");

        await Assertions.Expect(page.Page.Locator("#settings")).ToContainTextAsync("sandbox");
        Assert.DoesNotContain(UiMaster.ApiKey, await page.Page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("settings");
        page.AssertNoConsoleProblems();
    }
}
