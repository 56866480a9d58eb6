using System.Security.Claims;
using System.Security.Cryptography;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Modules.Auth;

/// <summary>
/// The master's authentication: the REST API (<c>/api/…</c>) takes only a Bearer API key or token, so a browser's
/// cookie never authorizes an API call (no cross-site request forgery there); everything else is the UI, signed in
/// with a cookie from a password or OpenID Connect. A fallback policy requires a signed-in caller on every endpoint
/// that does not say otherwise.
/// </summary>
public static class DockFlareAuthentication
{
    public const string SelectorScheme = "DockFlare";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OidcScheme = OpenIdConnectDefaults.AuthenticationScheme;
    public const string CookieName = "dockflare.session";
    public const string LoginPath = "/login";

    /// <summary>The claim saying how a UI user signed in: <c>password</c> or <c>oidc</c>.</summary>
    public const string MethodClaim = "dockflare:auth-method";

    /// <summary>A random id per session, so that signing out can end it for good (<see cref="SignedOutSessions"/>).</summary>
    public const string SessionIdClaim = "dockflare:session-id";

    /// <summary>How long a session lasts without use (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>The <see cref="UserAccount.SessionStamp"/> a password session was made with.</summary>
    public const string StampClaim = "dockflare:session-stamp";

    public static IServiceCollection AddDockFlareAuthentication(this IServiceCollection services, AuthOptions options)
    {
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or session", policy => policy.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.SchemeName, configureOptions: null)
            .AddCookie(CookieScheme, cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                // Lax, not Strict: the OpenID Connect callback arrives from the identity provider's site and must find the session.
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = LoginPath;
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/denied";
                cookie.ExpireTimeSpan = SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            });
        if (options.OidcEnabled)
        {
            authentication.AddOpenIdConnect(OidcScheme, options.OidcDisplayName, oidc => OidcLogin.Configure(oidc, options));
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddDockFlarePolicies();
        return services;
    }

    /// <summary>Makes the claims of a signed-in UI user.</summary>
    public static ClaimsPrincipal UiPrincipal(string name, string role, string method) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role), new Claim(MethodClaim, method),
            new Claim(SessionIdClaim, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
        ],
        CookieScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Makes the claims of a user signed in with a password, bound to the account's current password.</summary>
    public static ClaimsPrincipal UiPrincipal(UserAccount account)
    {
        var principal = UiPrincipal(account.UserName, account.Role, "password");
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(StampClaim, account.SessionStamp));
        return principal;
    }

    /// <summary>Whether the request is for the REST API (Bearer only) rather than the UI (cookie).</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static string SchemeFor(HttpContext context) =>
        IsApiRequest(context.Request) ? ApiKeyAuthentication.SchemeName : CookieScheme;
}
