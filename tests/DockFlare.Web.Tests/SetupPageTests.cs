using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>A fresh install is claimed only with the code from the master's console.</summary>
[Trait("Category", "Browser")]
public sealed class SetupPageTests : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly Chromium _chromium;
    private UiMaster _master = null!;

    public SetupPageTests(Chromium chromium) => _chromium = chromium;

    public async Task InitializeAsync() => _master = await UiMaster.StartAsync();

    public async Task DisposeAsync() => await _master.DisposeAsync();

    [Fact]
    public async Task Setup_WrongCodeThenPrintedCode_RefusesThenCreatesAdminAndSignsIn()
    {
        await using var page = await _chromium.OpenAsync(_master.BaseAddress);

        await page.GotoAsync("/");
        Assert.EndsWith("/setup", new Uri(page.Page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.ScreenshotAsync("setup");

        await page.Page.GetByLabel("Setup code").FillAsync("AAAA-BBBB-CCCC-DDDD");
        await page.Page.GetByLabel("Admin user name").FillAsync("owner");
        await page.Page.GetByLabel("Password (at least").FillAsync("a-long-enough-password");
        await page.Page.GetByLabel("Password again").FillAsync("a-long-enough-password");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Create the admin" }).ClickAsync();
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("setup code is not right");

        await AdminSession.CompleteSetupAsync(page, _master.SetupCode, "owner", "a-long-enough-password");
        await Assertions.Expect(page.Page.Locator(".who")).ToContainTextAsync("owner");

        // Setup is closed once an admin exists, even with the right code.
        await page.GotoAsync("/setup");
        Assert.EndsWith("/login", new Uri(page.Page.Url).AbsolutePath, StringComparison.Ordinal);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Login_WrongPassword_SaysSoWithoutSayingWhich()
    {
        await using var page = await _chromium.OpenAsync(_master.BaseAddress);
        await AdminSession.CompleteSetupAsync(page, _master.SetupCode, "owner", "a-long-enough-password");
        await using var other = await _chromium.OpenAsync(_master.BaseAddress);

        await other.GotoAsync("/login");
        await other.Page.GetByLabel("User name").FillAsync("owner");
        await other.Page.GetByLabel("Password").FillAsync("not-the-password");
        await other.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(other.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong user name or password.");
        await other.ScreenshotAsync("login");
        await other.SignInAsync("owner", "a-long-enough-password");
        await Assertions.Expect(other.Page.Locator("h1")).ToHaveTextAsync("Routes");
    }
}
