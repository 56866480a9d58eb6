using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.Auth;

/// <summary>Settings of authentication for the UI and the REST API.</summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>The minimum length of a bootstrap API key.</summary>
    public const int MinimumApiKeyLength = 24;

    /// <summary>A bootstrap admin API key; when unset one is generated on first start.</summary>
    [ConfigurationKeyName("DOCKFLARE_API_KEY")]
    public string? ApiKey { get; set; }

    /// <summary>The public base URL of the master, for links and OpenID Connect callbacks.</summary>
    [ConfigurationKeyName("DOCKFLARE_PUBLIC_URL")]
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed: comma-separated addresses or
    /// CIDR ranges. Empty (the default) believes no one, so the client address is the TCP peer.
    /// </summary>
    [ConfigurationKeyName("DOCKFLARE_TRUSTED_PROXIES")]
    public string? TrustedProxies { get; set; }

    /// <summary>Origins allowed to call the REST API from a browser (comma-separated). Empty: no CORS at all.</summary>
    [ConfigurationKeyName("DOCKFLARE_CORS_ORIGINS")]
    public string? CorsOrigins { get; set; }

    /// <summary>OpenID Connect issuer (its discovery document is at <c>/.well-known/openid-configuration</c>); unset: no OIDC login.</summary>
    [ConfigurationKeyName("DOCKFLARE_OIDC_AUTHORITY")]
    public string? OidcAuthority { get; set; }

    [ConfigurationKeyName("DOCKFLARE_OIDC_CLIENT_ID")]
    public string? OidcClientId { get; set; }

    /// <summary>Never logged.</summary>
    [ConfigurationKeyName("DOCKFLARE_OIDC_CLIENT_SECRET")]
    public string? OidcClientSecret { get; set; }

    /// <summary>The login button's text.</summary>
    [ConfigurationKeyName("DOCKFLARE_OIDC_DISPLAY_NAME")]
    public string OidcDisplayName { get; set; } = "Single sign-on";

    /// <summary>E-mail addresses (or <c>@domain</c>) that sign in through OIDC as admins.</summary>
    [ConfigurationKeyName("DOCKFLARE_OIDC_ADMINS")]
    public string? OidcAdmins { get; set; }

    /// <summary>E-mail addresses (or <c>@domain</c>) that sign in through OIDC as viewers.</summary>
    [ConfigurationKeyName("DOCKFLARE_OIDC_VIEWERS")]
    public string? OidcViewers { get; set; }

    public bool OidcEnabled => !string.IsNullOrWhiteSpace(OidcAuthority);

    /// <summary>The parsed <see cref="TrustedProxies"/>; only valid after validation passed.</summary>
    public IReadOnlyList<IPNetwork> TrustedProxyNetworks => [.. SplitList(TrustedProxies).Select(ParseNetwork)];

    /// <summary>The parsed <see cref="CorsOrigins"/>.</summary>
    public IReadOnlyList<string> CorsOriginList => SplitList(CorsOrigins);

    /// <summary>The OIDC allow-list built from <see cref="OidcAdmins"/> and <see cref="OidcViewers"/>.</summary>
    public EmailAllowList OidcAllowList => new(SplitList(OidcAdmins), SplitList(OidcViewers));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ApiKey) && ApiKey.Trim().Length < MinimumApiKeyLength)
        {
            // The message must not echo the key.
            yield return new ValidationResult(
                $"DOCKFLARE_API_KEY is too short: use at least {MinimumApiKeyLength} random characters.");
        }

        if (!string.IsNullOrEmpty(PublicUrl) && !IsHttpUrl(PublicUrl))
        {
            yield return new ValidationResult($"DOCKFLARE_PUBLIC_URL '{PublicUrl}' is not an absolute http(s) URL.");
        }

        foreach (var proxy in SplitList(TrustedProxies).Where(p => !TryParseNetwork(p, out _)))
        {
            yield return new ValidationResult(
                $"DOCKFLARE_TRUSTED_PROXIES entry '{proxy}' is not an IP address or CIDR range (for example 10.0.0.5 or 172.18.0.0/16).");
        }

        foreach (var origin in CorsOriginList.Where(o => !IsHttpUrl(o) || new Uri(o).AbsolutePath != "/" || o.EndsWith('/')))
        {
            yield return new ValidationResult($"DOCKFLARE_CORS_ORIGINS entry '{origin}' is not an origin such as https://tools.example.com (scheme and host, no path).");
        }

        foreach (var problem in OidcProblems())
        {
            yield return new ValidationResult(problem);
        }
    }

    private IEnumerable<string> OidcProblems()
    {
        if (!OidcEnabled)
        {
            if (!string.IsNullOrWhiteSpace(OidcClientId) || !string.IsNullOrWhiteSpace(OidcAdmins) || !string.IsNullOrWhiteSpace(OidcViewers))
            {
                yield return "DOCKFLARE_OIDC_CLIENT_ID, DOCKFLARE_OIDC_ADMINS or DOCKFLARE_OIDC_VIEWERS is set without DOCKFLARE_OIDC_AUTHORITY: set the issuer URL too, or remove them.";
            }

            yield break;
        }

        if (!IsHttpUrl(OidcAuthority!))
        {
            yield return $"DOCKFLARE_OIDC_AUTHORITY '{OidcAuthority}' is not an absolute http(s) URL.";
        }

        if (string.IsNullOrWhiteSpace(OidcClientId))
        {
            yield return "DOCKFLARE_OIDC_CLIENT_ID is required with DOCKFLARE_OIDC_AUTHORITY.";
        }

        if (string.IsNullOrWhiteSpace(OidcClientSecret))
        {
            yield return "DOCKFLARE_OIDC_CLIENT_SECRET is required with DOCKFLARE_OIDC_AUTHORITY.";
        }

        if (OidcAllowList.IsEmpty)
        {
            yield return "OIDC login needs an allow-list: set DOCKFLARE_OIDC_ADMINS and/or DOCKFLARE_OIDC_VIEWERS (e-mail addresses or @domain). Without one nobody could sign in.";
        }

        foreach (var entry in SplitList(OidcAdmins).Concat(SplitList(OidcViewers)).Where(e => !EmailAllowList.IsValidEntry(e)))
        {
            yield return $"OIDC allow-list entry '{entry}' is not an e-mail address or @domain.";
        }
    }

    private static string[] SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool TryParseNetwork(string value, out IPNetwork network)
    {
        if (IPNetwork.TryParse(value, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }

    private static IPNetwork ParseNetwork(string value) =>
        TryParseNetwork(value, out var network) ? network : throw new FormatException($"'{value}' is not an IP address or CIDR range.");
}
