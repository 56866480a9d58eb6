using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.Dns;

/// <summary>Settings of the zone catalogue and DNS record management.</summary>
public sealed class DnsOptions : IValidatableObject
{
    /// <summary>The default zone id, used for hostnames inside that zone.</summary>
    [ConfigurationKeyName("CF_ZONE_ID")]
    public string? DefaultZoneId { get; set; }

    /// <summary>Comma-separated zone names whose records are scanned for the tunnel's CNAMEs.</summary>
    [ConfigurationKeyName("TUNNEL_DNS_SCAN_ZONE_NAMES")]
    public string? ScanZoneNames { get; set; }

    /// <summary>How many DNS writes may run at once.</summary>
    [ConfigurationKeyName("MAX_CONCURRENT_DNS_OPS")]
    [Range(1, 32, ErrorMessage = "MAX_CONCURRENT_DNS_OPS must be between {1} and {2}.")]
    public int MaxConcurrentOperations { get; set; } = 5;

    /// <summary>The scan zones as a list.</summary>
    public IReadOnlyList<string> ScanZones =>
        (ScanZoneNames ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(z => z.TrimEnd('.').ToLowerInvariant())
            .ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(DefaultZoneId)
            && (DefaultZoneId.Length != 32 || !DefaultZoneId.All(char.IsAsciiHexDigitLower)))
        {
            yield return new ValidationResult("CF_ZONE_ID must be a zone id: 32 lower-case hexadecimal characters.");
        }

        foreach (var zone in ScanZones.Where(z => !z.Contains('.', StringComparison.Ordinal) || z.Any(char.IsWhiteSpace)))
        {
            yield return new ValidationResult($"TUNNEL_DNS_SCAN_ZONE_NAMES has '{zone}', which is not a zone name.");
        }
    }
}
