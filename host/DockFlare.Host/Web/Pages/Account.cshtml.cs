using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>Any password user (viewers too) changes their own password, proving the current one first.</summary>
internal sealed class AccountModel(UserStore users, PasswordSignIn signIn) : PageModel
{
    public bool IsPasswordUser => User.FindFirst(DockFlareAuthentication.MethodClaim)?.Value == "password";

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(string? current, string? password, string? confirm)
    {
        var name = User.Identity?.Name;
        if (!IsPasswordUser || name is null)
        {
            return Forbid();
        }

        Error = UserNames.PasswordProblem(password) ?? (password != confirm ? "The two new passwords differ." : null);
        if (Error is null)
        {
            // The current password goes through the same check as a sign-in, lockout included.
            var check = await signIn.SignInAsync(name, current ?? string.Empty, HttpContext.RequestAborted);
            Error = check.Succeeded ? null : check.LockedUntil is not null ? "Too many wrong passwords: the account is locked for a while." : "The current password is wrong.";
        }

        if (Error is not null)
        {
            return Page();
        }

        var account = await users.FindAsync(name, HttpContext.RequestAborted);
        var changed = account! with { PasswordHash = PasswordSignIn.Hash(password!) };
        await users.SaveAsync(changed, HttpContext.RequestAborted);

        // The new password ends every other session of the account; this one is renewed to stay signed in.
        await HttpContext.SignInAsync(DockFlareAuthentication.CookieScheme, DockFlareAuthentication.UiPrincipal(changed));
        Message = "Your password was changed.";
        return RedirectToPage();
    }
}
