namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Filters for listing DNS records. Filters left <see langword="null"/> are not sent; all others must match.</summary>
/// <param name="Type">Only records of this type.</param>
/// <param name="Name">Only records with exactly this full name (case-insensitive).</param>
/// <param name="Content">Only records with exactly this content (case-insensitive).</param>
public sealed record DnsRecordQuery(string? Type = null, string? Name = null, string? Content = null)
{
    /// <summary>Every record of the zone.</summary>
    public static DnsRecordQuery All { get; } = new();
}
