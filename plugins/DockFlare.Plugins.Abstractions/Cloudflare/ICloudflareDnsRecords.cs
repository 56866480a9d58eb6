namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Manages DNS records of a zone.</summary>
/// <remarks>
/// Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>; a create
/// that clashes with an existing record throws one with <see cref="CloudflareApiException.IsDnsDuplicate"/>.
/// </remarks>
public interface ICloudflareDnsRecords
{
    /// <summary>Lists every record of <paramref name="zoneId"/> matching <paramref name="query"/>.</summary>
    Task<IReadOnlyList<DnsRecord>> ListDnsRecordsAsync(string zoneId, DnsRecordQuery query, CancellationToken cancellationToken);

    /// <summary>Reads one record; <see langword="null"/> only when Cloudflare definitively says it does not exist (81044).</summary>
    Task<DnsRecord?> GetDnsRecordAsync(string zoneId, string recordId, CancellationToken cancellationToken);

    /// <summary>Creates a record.</summary>
    Task<DnsRecord> CreateDnsRecordAsync(string zoneId, DnsRecordInput record, CancellationToken cancellationToken);

    /// <summary>Replaces a record wholesale (PUT): omitted optional fields fall back to their defaults.</summary>
    Task<DnsRecord> ReplaceDnsRecordAsync(string zoneId, string recordId, DnsRecordInput record, CancellationToken cancellationToken);

    /// <summary>Changes only the fields set in <paramref name="patch"/> (PATCH).</summary>
    Task<DnsRecord> PatchDnsRecordAsync(string zoneId, string recordId, DnsRecordPatch patch, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a record. Returns <see langword="false"/> when Cloudflare definitively says it was already gone;
    /// transient failures throw instead.
    /// </summary>
    Task<bool> DeleteDnsRecordAsync(string zoneId, string recordId, CancellationToken cancellationToken);
}
