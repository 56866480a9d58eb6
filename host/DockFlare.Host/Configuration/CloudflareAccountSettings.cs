using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Host.Configuration;

/// <summary>
/// Which Cloudflare the master works against: the real one (<c>CF_API_TOKEN</c> with <c>CF_ACCOUNT_ID</c>), the
/// in-process emulator (<c>--sandbox</c> or <c>DOCKFLARE_SANDBOX</c>), or none (nothing is reconciled). The
/// Cloudflare plugin reads the same variables for its client; the host reads them only to choose.
/// </summary>
internal sealed class CloudflareAccountSettings : IValidatableObject
{
    /// <summary>The configuration key <c>--sandbox</c> sets.</summary>
    public const string SandboxSetting = "DOCKFLARE_SANDBOX";

    [ConfigurationKeyName(SandboxSetting)]
    public bool Sandbox { get; set; }

    /// <summary>Never logged or echoed; only whether it is set matters here.</summary>
    [ConfigurationKeyName("CF_API_TOKEN")]
    public string? ApiToken { get; set; }

    [ConfigurationKeyName("CF_ACCOUNT_ID")]
    public string? AccountId { get; set; }

    public bool HasToken => !string.IsNullOrWhiteSpace(ApiToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Sandbox && HasToken)
        {
            yield return new ValidationResult(
                "DOCKFLARE_SANDBOX (--sandbox) and CF_API_TOKEN are both set: choose one. The sandbox emulates Cloudflare "
                + "in-process; CF_API_TOKEN (with CF_ACCOUNT_ID) works against the real Cloudflare.");
        }
        else if (HasToken && string.IsNullOrWhiteSpace(AccountId))
        {
            yield return new ValidationResult(
                "CF_ACCOUNT_ID is required when CF_API_TOKEN is set: give the 32-character id of the Cloudflare account to manage.");
        }
    }
}
