using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>
/// Single sign-on end to end in the browser against a real (fake) OpenID Connect provider: code flow with PKCE, the
/// role from the allow-list, and refusal of an unverified or unlisted e-mail address.
/// </summary>
[Trait("Category", "Browser")]
public sealed class OidcSignInTests : IAsyncLifetime
{
    private const string ButtonName = "Sign in with Test SSO";

    private readonly Chromium _chromium = new();
    private FakeOidcProvider _provider = null!;
    private UiMaster _master = null!;

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        _provider = await FakeOidcProvider.StartAsync();
        _master = await UiMaster.StartAsync(
            watchDocker: false,
            $"--DOCKFLARE_OIDC_AUTHORITY={_provider.Authority}",
            $"--DOCKFLARE_OIDC_CLIENT_ID={FakeOidcProvider.ClientId}",
            $"--DOCKFLARE_OIDC_CLIENT_SECRET={FakeOidcProvider.ClientSecret}",
            "--DOCKFLARE_OIDC_DISPLAY_NAME=" + ButtonName,
            "--DOCKFLARE_OIDC_ADMINS=boss@example.com",
            "--DOCKFLARE_OIDC_VIEWERS=@example.org");
    }

    public async Task DisposeAsync()
    {
        await _master.DisposeAsync();
        await _provider.DisposeAsync();
        await _chromium.DisposeAsync();
    }

    [Fact]
    public async Task Sso_ListedAdminOnAFreshInstall_SignsInAsAdminWithoutAnyPasswordUser()
    {
        _provider.NextUser = new FakeUser("sub-boss", "Boss@Example.com", EmailVerified: true);
        await using var page = await _chromium.OpenAsync(_master.BaseAddress);

        await page.GotoAsync("/plan");
        Assert.Equal("/login", new Uri(page.Page.Url).AbsolutePath);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = ButtonName }).ClickAsync();

        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/plan");
        await Assertions.Expect(page.Page.Locator(".who")).ToContainTextAsync("boss@example.com (admin)");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToBeVisibleAsync();
        Assert.Equal(0, _provider.RejectedTokenRequests);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Sso_DomainOnTheViewerList_SignsInAsViewer()
    {
        _provider.NextUser = new FakeUser("sub-watcher", "watcher@example.org", EmailVerified: true);
        await using var page = await _chromium.OpenAsync(_master.BaseAddress);

        await page.GotoAsync("/login");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = ButtonName }).ClickAsync();

        await Assertions.Expect(page.Page.Locator(".who")).ToContainTextAsync("watcher@example.org (viewer)");
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Link, new() { Name = "Settings" })).ToHaveCountAsync(0);
        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Sso_AddressRemovedFromTheListsThenRestart_TheSessionEnds()
    {
        var data = Directory.CreateTempSubdirectory("dockflare-ui-oidc-").FullName;
        try
        {
            _provider.NextUser = new FakeUser("sub-boss", "boss@example.com", EmailVerified: true);
            UiPage page;
            await using (var before = await UiMaster.StartAsync(false, true, data, Oidc("boss@example.com")))
            {
                page = await _chromium.OpenAsync(before.BaseAddress);
                await page.GotoAsync("/login");
                await page.Page.GetByRole(AriaRole.Button, new() { Name = ButtonName }).ClickAsync();
                await Assertions.Expect(page.Page.Locator(".who")).ToContainTextAsync("boss@example.com (admin)");
                // Off the dashboard, whose live feed would hold the master's shutdown open.
                await page.GotoAsync("/account");
            }

            await using (page)
            await using (var after = await UiMaster.StartAsync(false, true, data, Oidc("chief@example.com")))
            {
                // Same data folder (same keys), same browser (cookies go to every port of 127.0.0.1): only the list changed.
                await page.Page.GotoAsync(new Uri(after.BaseAddress, "/plan").AbsoluteUri);
                Assert.Equal("/login", new Uri(page.Page.Url).AbsolutePath);
                await Assertions.Expect(page.Page.Locator(".who")).ToHaveCountAsync(0);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private string[] Oidc(string admins) =>
    [
        $"--DOCKFLARE_OIDC_AUTHORITY={_provider.Authority}",
        $"--DOCKFLARE_OIDC_CLIENT_ID={FakeOidcProvider.ClientId}",
        $"--DOCKFLARE_OIDC_CLIENT_SECRET={FakeOidcProvider.ClientSecret}",
        "--DOCKFLARE_OIDC_DISPLAY_NAME=" + ButtonName,
        "--DOCKFLARE_OIDC_ADMINS=" + admins,
        "--DOCKFLARE_OIDC_VIEWERS=@example.org",
    ];

    [Theory]
    [InlineData("boss@example.com", false)]
    [InlineData("stranger@example.net", true)]
    public async Task Sso_UnverifiedOrUnlistedAddress_IsRefusedWithAMessage(string email, bool verified)
    {
        _provider.NextUser = new FakeUser("sub-" + email, email, verified);
        await using var page = await _chromium.OpenAsync(_master.BaseAddress);

        await page.GotoAsync("/login");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = ButtonName }).ClickAsync();

        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login" && url.Contains("error=", StringComparison.Ordinal));
        await Assertions.Expect(page.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not allowed here, or its e-mail address is not verified");
        await Assertions.Expect(page.Page.Locator(".who")).ToHaveCountAsync(0);
        var response = await page.Page.GotoAsync("/");
        Assert.Equal("/login", new Uri(page.Page.Url).AbsolutePath);
        page.AssertNoConsoleProblems();
    }
}
