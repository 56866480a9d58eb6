using System.Collections.Concurrent;
using DockFlare.Testing;
using Microsoft.Playwright;

namespace DockFlare.Web.Tests;

/// <summary>A page whose console errors (script errors and Content-Security-Policy violations) are collected.</summary>
public sealed class UiPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _problems = new();

    public UiPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                _problems.Enqueue($"console {message.Type} on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"script error on {page.Url}: {error}");
    }

    public IPage Page { get; }

    /// <summary>Every console error, warning and uncaught script error so far (a CSP violation is a console error).</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Fails when the console reported anything.</summary>
    public void AssertNoConsoleProblems() => Assert.True(_problems.IsEmpty, string.Join(Environment.NewLine, _problems));

    /// <summary>Goes to <paramref name="path"/> and checks the answer was not an error page.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}");
    }

    /// <summary>Signs in through the login form.</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await GotoAsync("/login");
        await Page.GetByLabel("User name").FillAsync(userName);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Saves a screenshot of the whole page to <c>docs/screenshots/&lt;name&gt;.png</c> for the README.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Combine("docs", "screenshots", name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
