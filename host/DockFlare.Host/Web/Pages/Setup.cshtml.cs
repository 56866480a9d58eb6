using DockFlare.Host.Web.Cloudflare;
using DockFlare.Host.Web.Pages.Admin;
using DockFlare.Modules.Auth;
using DockFlare.Modules.Auth.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages;

/// <summary>
/// Creates the first admin, once, and only with the setup code from the master's console: reaching a fresh install
/// is not enough to claim it. Closed (redirects to sign-in) as soon as any user exists.
/// </summary>
internal sealed class SetupModel(
    UserStore users, SetupCodeVault setupCodes, CloudflareCredentialSource source, CloudflareCredentialCheck credentials, TimeProvider time,
    ILogger<SetupModel> log)
    : PageModel
{
    public const string WrongCode = "The setup code is not right. Copy it from the master's console; a restart prints a new one.";

    public List<string> Errors { get; } = [];

    public string? UserName { get; private set; }

    public string? AccountId { get; private set; }

    /// <summary>Whether the page asks for the Cloudflare account: only when neither the environment nor the sandbox gives one.</summary>
    public bool AsksForCloudflare => source.Origin is CloudflareCredentialOrigin.None or CloudflareCredentialOrigin.Stored;

    public string CloudflareState => source.Origin switch
    {
        CloudflareCredentialOrigin.Sandbox => "Sandbox mode: Cloudflare is emulated in-process, nothing reaches the real one.",
        CloudflareCredentialOrigin.Environment => "Configured from CF_API_TOKEN and CF_ACCOUNT_ID.",
        CloudflareCredentialOrigin.Stored => "Configured in the UI earlier; enter new values to replace them.",
        _ => "Not configured yet. Enter the account and an API token now (checked with Cloudflare, stored encrypted), or later in "
            + "Settings, or set CF_API_TOKEN and CF_ACCOUNT_ID (see docs/configuration.md).",
    };

    public async Task<IActionResult> OnGetAsync() =>
        await users.AnyAsync(HttpContext.RequestAborted) ? Redirect("/login") : Page();

    public async Task<IActionResult> OnPostAsync(
        string? setupCode, string? userName, string? password, string? confirm, string? cfAccountId, string? cfToken)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await users.AnyAsync(cancellationToken))
        {
            return Redirect("/login");
        }

        UserName = userName;
        AccountId = cfAccountId;
        var withCloudflare = AsksForCloudflare && !(string.IsNullOrWhiteSpace(cfAccountId) && string.IsNullOrWhiteSpace(cfToken));
        if (!await setupCodes.VerifyAsync(setupCode, cancellationToken))
        {
            log.LogWarning("Setup refused: wrong setup code");
            Errors.Add(WrongCode);
        }
        else
        {
            AddIfProblem(UserNames.Problem(userName));
            AddIfProblem(UserNames.PasswordProblem(password));
            if (Errors.Count == 0 && password != confirm)
            {
                Errors.Add("The two passwords differ.");
            }

            // Checked live (and saved) only once everything else is right, so a typo elsewhere costs no Cloudflare call.
            if (Errors.Count == 0 && withCloudflare)
            {
                AddIfProblem(await credentials.VerifyAndSaveAsync(cfAccountId, cfToken, "setup", cancellationToken));
            }
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var admin = new UserAccount(UserNames.Normalize(userName!), PasswordSignIn.Hash(password!), Roles.Admin, 0, null, time.GetUtcNow(), time.GetUtcNow());
        await users.SaveAsync(admin, cancellationToken);
        await setupCodes.RetireAsync(cancellationToken);
        log.LogWarning("Setup: created the first admin {UserName}", admin.UserName);
        await HttpContext.SignInAsync(DockFlareAuthentication.CookieScheme, DockFlareAuthentication.UiPrincipal(admin));
        if (withCloudflare)
        {
            TempData["Notice"] = SettingsModel.SavedNotice;
            return Redirect("/admin/settings");
        }

        return Redirect("/");
    }

    private void AddIfProblem(string? problem)
    {
        if (problem is not null)
        {
            Errors.Add(problem);
        }
    }
}
