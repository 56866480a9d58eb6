using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>Signing out is a POST with the antiforgery token, so another site cannot sign a user out.</summary>
internal sealed class LogoutModel(SignedOutSessions signedOut) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        // Ends the session on the server too: the cookie, even if copied, is refused from now on.
        if (User.FindFirst(DockFlareAuthentication.SessionIdClaim)?.Value is { } sessionId)
        {
            await signedOut.AddAsync(sessionId, HttpContext.RequestAborted);
        }

        await HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme);
        return Redirect("/login");
    }
}
