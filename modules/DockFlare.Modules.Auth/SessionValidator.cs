using System.Security.Claims;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DockFlare.Modules.Auth;

/// <summary>
/// Checks a password user's session against the stored account on every request, so a deleted user or a changed role
/// takes effect at once rather than when the cookie expires; a password set since the session began ends it too, and a
/// signed-out session stays ended even if its cookie was copied (one read of the state store per UI request).
/// </summary>
internal static class SessionValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await IsValidAsync(principal, context.HttpContext).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsValidAsync(ClaimsPrincipal principal, HttpContext http)
    {
        // Every session (password or single sign-on) must carry an id that was not signed out.
        var services = http.RequestServices;
        if (principal.FindFirst(DockFlareAuthentication.SessionIdClaim)?.Value is not { } sessionId
            || await services.GetRequiredService<SignedOutSessions>().ContainsAsync(sessionId, http.RequestAborted).ConfigureAwait(false))
        {
            return false;
        }

        var role = principal.FindFirst(ClaimTypes.Role)?.Value;
        switch (principal.FindFirst(DockFlareAuthentication.MethodClaim)?.Value)
        {
            case "oidc":
                // The allow-lists come from the environment: after a restart with an address removed or moved to the
                // other list, its existing sessions end.
                var options = services.GetRequiredService<AuthOptions>();
                return options.OidcEnabled && options.OidcAllowList.RoleOf(principal.Identity?.Name) is { } listed && listed == role;
            case "password":
                var name = principal.Identity?.Name;
                var account = name is null ? null : await services.GetRequiredService<UserStore>().FindAsync(name, http.RequestAborted).ConfigureAwait(false);
                return account is not null && account.Role == role
                    && account.SessionStamp == principal.FindFirst(DockFlareAuthentication.StampClaim)?.Value;
            default:
                return false;
        }
    }
}
