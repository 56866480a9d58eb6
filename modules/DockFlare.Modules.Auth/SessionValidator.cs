using System.Security.Claims;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
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
        // Every session (password or single sign-on) must carry an id that was not signed out.
        var sessionId = context.Principal?.FindFirst(DockFlareAuthentication.SessionIdClaim)?.Value;
        if (sessionId is null
            || await context.HttpContext.RequestServices.GetRequiredService<SignedOutSessions>()
                .ContainsAsync(sessionId, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme).ConfigureAwait(false);
            return;
        }

        var method = context.Principal!.FindFirst(DockFlareAuthentication.MethodClaim)?.Value;
        if (method == "oidc")
        {
            // The allow-lists come from the environment: after a restart with an address removed or moved to the
            // other list, its existing sessions end (or keep only the role the lists give now).
            var options = context.HttpContext.RequestServices.GetRequiredService<AuthOptions>();
            var listed = options.OidcEnabled ? options.OidcAllowList.RoleOf(context.Principal.Identity?.Name) : null;
            if (listed is null || listed != context.Principal.FindFirst(ClaimTypes.Role)?.Value)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme).ConfigureAwait(false);
            }

            return;
        }

        if (method != "password")
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme).ConfigureAwait(false);
            return;
        }

        var name = context.Principal.Identity?.Name;
        var role = context.Principal.FindFirst(ClaimTypes.Role)?.Value;
        var users = context.HttpContext.RequestServices.GetRequiredService<UserStore>();
        var account = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted).ConfigureAwait(false);
        var stamp = context.Principal.FindFirst(DockFlareAuthentication.StampClaim)?.Value;
        if (account is null || account.Role != role || account.SessionStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme).ConfigureAwait(false);
        }
    }
}
