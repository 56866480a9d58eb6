using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Host.Configuration;

/// <summary>
/// <c>REDIS_URL</c> and <c>REDIS_DB_INDEX</c>. When <c>REDIS_URL</c> is set, Redis is the
/// authoritative store and Hangfire's storage; otherwise the embedded default is used.
/// </summary>
internal sealed class RedisSettings : IValidatableObject
{
    [ConfigurationKeyName("REDIS_URL")]
    public string? Url { get; set; }

    [ConfigurationKeyName("REDIS_DB_INDEX")]
    [Range(0, 1023, ErrorMessage = "REDIS_DB_INDEX must be between {1} and {2}.")]
    public int? DatabaseIndex { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The parsed connection; only valid when <see cref="IsConfigured"/> and validation passed.</summary>
    public RedisConnectionSettings Connection => RedisConnectionSettings.Parse(Url!, DatabaseIndex);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        string? problem = null;
        try
        {
            _ = Connection;
        }
        catch (FormatException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem);
        }
    }
}
