using DockFlare.Core.Reconciliation;
using DockFlare.Host.Configuration;
using DockFlare.Host.Web.Cloudflare;
using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Admin;

/// <summary>
/// What the master runs with, read-only (secrets only as set or not set), and the Cloudflare account when the
/// environment gives none: entered here, checked with Cloudflare, stored encrypted, used from the next start.
/// </summary>
internal sealed class SettingsModel(
    CloudflareAccount cloudflare, CloudflareCredentialSource source, CloudflareCredentialStore stored, CloudflareCredentialCheck check,
    RedisSettings redis, AuthOptions auth, ILogger<SettingsModel> log) : PageModel
{
    public const string SavedNotice =
        "Cloudflare accepted the token; the account id and token are stored encrypted. Restart the master to start publishing with them.";

    public IReadOnlyList<(string Name, string Value)> Facts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? Problem { get; private set; }

    /// <summary>Whether Cloudflare can be set here: not when the environment or the sandbox decides it.</summary>
    public bool CloudflareEditable => source.Origin is CloudflareCredentialOrigin.None or CloudflareCredentialOrigin.Stored;

    /// <summary>The account id of the stored credentials (null when none are stored).</summary>
    public string? StoredAccountId { get; private set; }

    /// <summary>Whether what is stored differs from what the master runs with (a restart is pending).</summary>
    public bool RestartPending { get; private set; }

    public string? AccountInput { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCloudflareAsync(string? cfAccountId, string? cfToken)
    {
        if (!CloudflareEditable)
        {
            Problem = "Cloudflare is set by the environment (or the sandbox) here: change it there and restart.";
        }
        else if ((Problem = await check.VerifyAndSaveAsync(cfAccountId, cfToken, User.Identity?.Name ?? "admin", HttpContext.RequestAborted)) is null)
        {
            Notice = SavedNotice;
            return RedirectToPage();
        }

        AccountInput = cfAccountId;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostForgetCloudflareAsync()
    {
        if (CloudflareEditable)
        {
            await stored.ForgetAsync(HttpContext.RequestAborted);
            log.LogWarning("{User} removed the Cloudflare credentials stored in the UI", User.Identity?.Name);
            Notice = "The stored Cloudflare credentials are removed. The master keeps using the account it started with until it restarts.";
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        try
        {
            StoredAccountId = (await stored.LoadAsync(HttpContext.RequestAborted))?.AccountId;
        }
        catch (InvalidOperationException ex)
        {
            Problem ??= ex.Message;
        }

        RestartPending = CloudflareEditable && StoredAccountId != cloudflare.AccountId;
        AccountInput ??= StoredAccountId;
        Facts =
        [
            ("Cloudflare", source.Origin switch
            {
                CloudflareCredentialOrigin.Sandbox => "sandbox (emulated in-process)",
                CloudflareCredentialOrigin.Environment => $"account {cloudflare.AccountId} (CF_API_TOKEN and CF_ACCOUNT_ID)",
                CloudflareCredentialOrigin.Stored => $"account {cloudflare.AccountId} (entered here, stored encrypted)",
                _ => "not configured: enter the account below, or set CF_API_TOKEN and CF_ACCOUNT_ID",
            }),
            ("Storage", redis.IsConfigured ? $"Redis {redis.Connection.Host}:{redis.Connection.Port} database {redis.Connection.Database}" : "embedded (DATA_DIR)"),
            ("Public URL (DOCKFLARE_PUBLIC_URL)", auth.PublicUrl ?? "not set"),
            ("Bootstrap API key (DOCKFLARE_API_KEY)", string.IsNullOrWhiteSpace(auth.ApiKey) ? "generated on first start (only its hash is stored)" : "set"),
            ("Single sign-on (DOCKFLARE_OIDC_AUTHORITY)", auth.OidcEnabled ? $"{auth.OidcAuthority} as \"{auth.OidcDisplayName}\"" : "off"),
            ("SSO admins (DOCKFLARE_OIDC_ADMINS)", auth.OidcAdmins ?? "none"),
            ("SSO viewers (DOCKFLARE_OIDC_VIEWERS)", auth.OidcViewers ?? "none"),
            ("Trusted proxies (DOCKFLARE_TRUSTED_PROXIES)", string.IsNullOrWhiteSpace(auth.TrustedProxies) ? "none: the client address is the TCP peer" : auth.TrustedProxies),
            ("CORS origins (DOCKFLARE_CORS_ORIGINS)", string.IsNullOrWhiteSpace(auth.CorsOrigins) ? "none: browsers on other sites cannot call the API" : auth.CorsOrigins),
        ];
    }
}
