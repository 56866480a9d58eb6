using System.Net;
using DockFlare.Core.Reconciliation;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Tokens;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>Sign-in, lockout, rate limit, antiforgery, roles and headers, over HTTP against the real host.</summary>
public sealed class UiSecurityTests : IAsyncLifetime
{
    private const string AdminPassword = "admin-password-long-enough";
    private const string ViewerPassword = "viewer-password-long-enough";
    private TestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        _host.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));
        await UiClient.AddUserAsync(_host.Services, "boss", AdminPassword, Roles.Admin);
        await UiClient.AddUserAsync(_host.Services, "watcher", ViewerPassword, Roles.Viewer);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_RightPassword_SetsAnHttpOnlySameSiteSessionCookie()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);

        var response = await ui.SignInAsync("boss", AdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DockFlareAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await ui.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await ui.SignInAsync("boss", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await ui.SignInAsync("boss", AdminPassword);

        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(ui.HasSession);
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_Answers429WhateverXForwardedForSays()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        var token = await ui.TokenAsync("/login");
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i <= 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["userName"] = "nobody" + i, ["password"] = "x",
                }),
            };
            // No proxy is trusted, so a forged client address must not open a new rate-limit bucket.
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            last = (await ui.Http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
    }

    [Fact]
    public async Task PagePost_WithoutAntiforgeryToken_IsRejected()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("boss", AdminPassword);

        var response = await ui.PostFormAsync(
            "/admin/users?handler=Create", new Dictionary<string, string> { ["userName"] = "intruder", ["role"] = Roles.Admin, ["password"] = "intruder-password-long" }, tokenFrom: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await _host.Services.GetRequiredService<DockFlare.Modules.Auth.Users.UserStore>().FindAsync("intruder", default));
    }

    [Fact]
    public async Task Viewer_PostsAChangeWithAValidToken_IsForbiddenAndNothingChanges()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("watcher", ViewerPassword);

        var response = await ui.PostFormAsync(
            "/admin/users?handler=Create", new Dictionary<string, string> { ["userName"] = "intruder", ["role"] = Roles.Admin, ["password"] = "intruder-password-long" }, tokenFrom: "/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.OriginalString.Replace(_host.Client.BaseAddress!.ToString().TrimEnd('/'), string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(await _host.Services.GetRequiredService<DockFlare.Modules.Auth.Users.UserStore>().FindAsync("intruder", default));
    }

    [Fact]
    public async Task Viewer_ChangesOwnPassword_IsAllowed()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("watcher", ViewerPassword);

        var response = await ui.PostFormAsync(
            "/account", new Dictionary<string, string> { ["current"] = ViewerPassword, ["password"] = "a-new-viewer-password", ["confirm"] = "a-new-viewer-password" }, tokenFrom: "/account");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var again = new UiClient(_host.Client.BaseAddress!);
        await again.SignInAsync("watcher", "a-new-viewer-password");
        Assert.True(again.HasSession);
    }

    [Fact]
    public async Task ReadToken_PostToTheApi_IsForbiddenButReadsWork()
    {
        var (_, token) = await _host.Services.GetRequiredService<ApiTokenStore>().CreateAsync("reader", ApiTokenScope.Read, "boss", default);
        var client = _host.Authorized(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v2/routes", UriKind.Relative))).StatusCode);
        using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        var refused = await client.PostAsync(new Uri("/api/v2/reconcile", UriKind.Relative), body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var error = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("forbidden", error.RootElement.GetProperty("error").GetString());
        Assert.Contains("may only read", error.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_SessionCookieWithoutBearer_IsNotEnough()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("boss", AdminPassword);

        var response = await ui.Http.GetAsync(new Uri("/api/v2/routes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Redirect, "/login")]
    [InlineData("watcher", HttpStatusCode.Redirect, "/denied")]
    [InlineData("boss", HttpStatusCode.OK, null)]
    public async Task Hangfire_Dashboard_IsForAdminsOnly(string? user, HttpStatusCode expected, string? redirect)
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        if (user is not null)
        {
            await ui.SignInAsync(user, user == "boss" ? AdminPassword : ViewerPassword);
        }

        var response = await ui.Http.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
        if (redirect is not null)
        {
            Assert.Contains(redirect, response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        else
        {
            // Hangfire's own pages use inline script and style: they alone get a policy that allows them.
            Assert.Contains("script-src 'self' 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeadersAndNoCors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _host.Client.SendAsync(request);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsTheSession()
    {
        using var data = new TempFolder();
        using var ui = new UiClient(new Uri("http://127.0.0.1"));
        Uri first;
        await using (var host = await TestHost.StartAsync(dataDirectory: data.Path))
        {
            await UiClient.AddUserAsync(host.Services, "boss", AdminPassword, Roles.Admin);
            first = host.Client.BaseAddress!;
            ui.Http.BaseAddress = first;
            await ui.SignInAsync("boss", AdminPassword);
        }

        await using var again = await TestHost.StartAsync(dataDirectory: data.Path);
        again.Reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));
        var session = ui.Cookies.GetCookies(first).Single(c => c.Name == DockFlareAuthentication.CookieName);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(again.Client.BaseAddress!, "/"));
        request.Headers.Add("Cookie", $"{session.Name}={session.Value}");

        var response = await again.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Session_UserDeletedMeanwhile_IsSignedOut()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("watcher", ViewerPassword);
        await _host.Services.GetRequiredService<DockFlare.Modules.Auth.Users.UserStore>().DeleteAsync("watcher", default);

        var response = await ui.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_PasswordChangedInAnotherSession_IsSignedOutWhileTheChangerStays()
    {
        const string NewPassword = "a-new-password-long-enough";
        await UiClient.AddUserAsync(_host.Services, "twice", ViewerPassword, Roles.Viewer);
        using var laptop = new UiClient(_host.Client.BaseAddress!);
        using var phone = new UiClient(_host.Client.BaseAddress!);
        await laptop.SignInAsync("twice", ViewerPassword);
        await phone.SignInAsync("twice", ViewerPassword);

        var changed = await laptop.PostFormAsync(
            "/account", new Dictionary<string, string> { ["current"] = ViewerPassword, ["password"] = NewPassword, ["confirm"] = NewPassword }, "/account");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var stale = await phone.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Contains("/login", stale.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_CopiedCookie_IsRefusedAfterwards()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("watcher", ViewerPassword);
        var session = ui.Cookies.GetCookies(_host.Client.BaseAddress!).Single(c => c.Name == DockFlareAuthentication.CookieName);

        var signedOut = await ui.PostFormAsync("/logout", new Dictionary<string, string>(), "/");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var attacker = new HttpClient(handler) { BaseAddress = _host.Client.BaseAddress };
        using var copy = new HttpRequestMessage(HttpMethod.Get, "/rules");
        copy.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        var response = await attacker.SendAsync(copy);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Another session of the same user is not affected.
        using var other = new UiClient(_host.Client.BaseAddress!);
        await other.SignInAsync("watcher", ViewerPassword);
        Assert.Equal(HttpStatusCode.OK, (await other.Http.GetAsync(new Uri("/rules", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/agents/no-such-agent")]
    [InlineData("/no-such-page")]
    public async Task UnknownUiAddress_Answers404WithTheErrorPage(string path)
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("boss", AdminPassword);

        var response = await ui.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Not found</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiAddress_KeepsItsJsonError()
    {
        var response = await _host.Authorized().GetAsync(new Uri("/api/v2/no-such", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"not_found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveRoutes_MasterStops_TheStreamEndsCleanlyInsteadOfHoldingTheShutdown()
    {
        using var ui = new UiClient(_host.Client.BaseAddress!);
        await ui.SignInAsync("watcher", ViewerPassword);
        using var response = await ui.Http.GetAsync(new Uri("/ui/live/routes", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        Assert.StartsWith("event: routes", await reader.ReadLineAsync());

        var stopping = _host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        stopping.StopApplication();

        // The master ends the stream itself; before, it stayed open and held the shutdown until it was killed.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var rest = await reader.ReadToEndAsync(patience.Token);
        Assert.NotNull(rest);
    }
}
