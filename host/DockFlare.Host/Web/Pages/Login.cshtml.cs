using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>Password sign-in (with lockout, and rate-limited per client address) and the OpenID Connect button.</summary>
internal sealed class LoginModel(PasswordSignIn signIn, UserStore users, AuthOptions options, TimeProvider time) : PageModel
{
    public const string WrongCredentials = "Wrong user name or password.";

    public string? Message { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public string? OidcName => options.OidcEnabled ? options.OidcDisplayName : null;

    public async Task<IActionResult> OnGetAsync(string? returnUrl, string? error)
    {
        // Without users and without single sign-on, the only way in is the setup page; with single sign-on, the
        // listed admins can sign in before any password user exists.
        if (!options.OidcEnabled && !await users.AnyAsync(HttpContext.RequestAborted))
        {
            return Redirect("/setup");
        }

        ReturnUrl = LocalOrRoot(returnUrl);
        Message = error switch
        {
            "oidc-refused" => "Your single sign-on account is not allowed here, or its e-mail address is not verified.",
            "oidc-failed" => "Single sign-on failed; try again or sign in with a password.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = LocalOrRoot(returnUrl);
        UserName = userName;
        var result = await signIn.SignInAsync(userName ?? string.Empty, password ?? string.Empty, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Message = result.LockedUntil is { } until
                ? $"Too many wrong passwords: this account is locked for {Math.Max(1, (int)Math.Ceiling((until - time.GetUtcNow()).TotalMinutes))} more minute(s)."
                : WrongCredentials;
            return Page();
        }

        await HttpContext.SignInAsync(
            DockFlareAuthentication.CookieScheme,
            DockFlareAuthentication.UiPrincipal(result.Account!));
        return LocalRedirect(ReturnUrl);
    }

    public IActionResult OnPostOidc(string? returnUrl) =>
        options.OidcEnabled
            ? Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, DockFlareAuthentication.OidcScheme)
            : NotFound();

    private string LocalOrRoot(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
