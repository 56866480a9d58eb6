using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>Signing out is a POST with the antiforgery token, so another site cannot sign a user out.</summary>
internal sealed class LogoutModel : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DockFlareAuthentication.CookieScheme);
        return Redirect("/login");
    }
}
