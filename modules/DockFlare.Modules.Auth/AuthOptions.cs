using System.ComponentModel.DataAnnotations;
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(ApiKey) && ApiKey.Trim().Length < MinimumApiKeyLength)
        {
            // The message must not echo the key.
            yield return new ValidationResult(
                $"DOCKFLARE_API_KEY is too short: use at least {MinimumApiKeyLength} random characters.");
        }

        if (!string.IsNullOrEmpty(PublicUrl)
            && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"DOCKFLARE_PUBLIC_URL '{PublicUrl}' is not an absolute http(s) URL.");
        }
    }
}
