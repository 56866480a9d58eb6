using DockFlare.Core.Reconciliation;
using DockFlare.Host.Configuration;
using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DockFlare.Host.Web.Pages.Admin;

/// <summary>What the master runs with, read-only; secrets are shown only as set or not set.</summary>
internal sealed class SettingsModel(CloudflareAccount cloudflare, RedisSettings redis, AuthOptions auth) : PageModel
{
    public IReadOnlyList<(string Name, string Value)> Facts { get; private set; } = [];

    public void OnGet() => Facts =
    [
        ("Cloudflare", cloudflare.IsSandbox ? "sandbox (emulated in-process)" : cloudflare.IsConfigured ? $"account {cloudflare.AccountId}" : "not configured: set CF_API_TOKEN and CF_ACCOUNT_ID"),
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
