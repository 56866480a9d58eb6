using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>
/// Every page of the UI, opened by an admin and by a viewer: none logs a script error or a Content-Security-Policy
/// violation, and a viewer is offered no control that changes anything.
/// </summary>
[Trait("Category", "Browser")]
public sealed class AllPagesTests : IClassFixture<AdminSession>
{
    /// <summary>Every page a signed-in user can reach from the navigation, and the pages behind it.</summary>
    public static readonly TheoryData<string> Pages =
    [
        "/", "/plan", "/rules", "/rules/edit", "/agents", "/access-groups", "/changes", "/containers/local/web", "/account",
        "/admin/settings", "/admin/users", "/admin/tokens",
    ];

    private readonly AdminSession _session;

    public AllPagesTests(AdminSession session) => _session = session;

    [Fact]
    public async Task EveryPage_Admin_RendersWithoutConsoleProblems()
    {
        await using var page = await _session.OpenAsAdminAsync();
        foreach (var path in Pages)
        {
            var response = await page.Page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");
            await Assertions.Expect(page.Page.Locator("main h1")).ToBeVisibleAsync();
            Assert.EndsWith(" · DockFlare", await page.Page.TitleAsync(), StringComparison.Ordinal);
        }

        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task EveryPage_Viewer_OffersNothingThatChangesState()
    {
        await using var page = await _session.OpenAsViewerAsync();
        foreach (var path in Pages)
        {
            await page.Page.GotoAsync(path);
            if (path.StartsWith("/admin/", StringComparison.Ordinal))
            {
                Assert.EndsWith("/denied", new Uri(page.Page.Url).AbsolutePath, StringComparison.Ordinal);
                continue;
            }

            await Assertions.Expect(page.Page.Locator("main h1")).ToBeVisibleAsync();
            if (path != "/account")
            {
                var controls = page.Page.Locator("main form[method='post'] button, main form[method='post'] input[type='submit']");
                Assert.True(await controls.CountAsync() == 0, $"{path} offers a viewer {await controls.CountAsync()} control(s) that post");
            }
        }

        page.AssertNoConsoleProblems();
    }

    [Fact]
    public async Task Keyboard_SkipLinkIsTheFirstStopAndMovesFocusToTheContent()
    {
        await using var page = await _session.OpenAsAdminAsync();
        await page.GotoAsync("/");
        await page.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Page.Locator("a.skip")).ToBeFocusedAsync();
        await page.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Page.Locator("main#main")).ToBeFocusedAsync();
        page.AssertNoConsoleProblems();
    }
}
