using System.Net;
using System.Text.RegularExpressions;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;

namespace DockFlare.Host.Tests;

/// <summary>A browser-like HTTP client of the UI: its own cookies, no automatic redirects, form posts with the antiforgery token.</summary>
internal sealed partial class UiClient : IDisposable
{
    private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };

    public UiClient(Uri baseAddress) => Http = new HttpClient(_handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public HttpClient Http { get; }

    public CookieContainer Cookies => _handler.CookieContainer;

    /// <summary>Adds a user straight to the store (as the users page would).</summary>
    public static Task AddUserAsync(IServiceProvider services, string name, string password, string role) =>
        services.GetRequiredService<UserStore>().SaveAsync(
            new UserAccount(name, PasswordSignIn.Hash(password), role, 0, null, DateTimeOffset.UtcNow, null), CancellationToken.None);

    /// <summary>The antiforgery token of the form on <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        var html = await Http.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    /// <summary>Posts a form to <paramref name="path"/> with the token of <paramref name="tokenFrom"/> (null: no token at all).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, string? tokenFrom)
    {
        var all = new Dictionary<string, string>(fields);
        if (tokenFrom is not null)
        {
            all["__RequestVerificationToken"] = await TokenAsync(tokenFrom);
        }

        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>Signs in through the login form.</summary>
    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostFormAsync("/login", new Dictionary<string, string> { ["userName"] = name, ["password"] = password }, "/login");

    public bool HasSession => Cookies.GetAllCookies().Any(c => c.Name == DockFlareAuthentication.CookieName);

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
