using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareDnsRecords"/> over <c>/zones/{zone}/dns_records</c>.</summary>
internal sealed class CloudflareDnsClient(CloudflareTransport transport) : ICloudflareDnsRecords
{
    public Task<IReadOnlyList<DnsRecord>> ListDnsRecordsAsync(string zoneId, DnsRecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return transport.ListAllAsync<DnsRecord>(
            Records(zoneId),
            [new("type", query.Type), new("name", query.Name), new("content", query.Content), new("match", "all")],
            CloudflarePageSizes.DnsRecords,
            r => r.Id,
            cancellationToken);
    }

    public Task<DnsRecord?> GetDnsRecordAsync(string zoneId, string recordId, CancellationToken cancellationToken) =>
        transport.GetOrNullAsync<DnsRecord>(Record(zoneId, recordId), cancellationToken);

    public Task<DnsRecord> CreateDnsRecordAsync(string zoneId, DnsRecordInput record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return transport.SendForResultAsync<DnsRecord>(HttpMethod.Post, Records(zoneId), Normalise(record), cancellationToken);
    }

    public Task<DnsRecord> ReplaceDnsRecordAsync(string zoneId, string recordId, DnsRecordInput record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return transport.SendForResultAsync<DnsRecord>(HttpMethod.Put, Record(zoneId, recordId), Normalise(record), cancellationToken);
    }

    public Task<DnsRecord> PatchDnsRecordAsync(string zoneId, string recordId, DnsRecordPatch patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var body = patch.Proxied == true ? patch with { Ttl = 1 } : patch;
        return transport.SendForResultAsync<DnsRecord>(HttpMethod.Patch, Record(zoneId, recordId), body, cancellationToken);
    }

    public Task<bool> DeleteDnsRecordAsync(string zoneId, string recordId, CancellationToken cancellationToken) =>
        transport.DeleteAsync(Record(zoneId, recordId), cancellationToken);

    // Cloudflare forces ttl 1 on proxied records; sending it keeps the request honest about the result.
    private static DnsRecordInput Normalise(DnsRecordInput record) => record.Proxied ? record with { Ttl = 1 } : record;

    private static string Records(string zoneId) => $"zones/{CloudflareIds.Zone(zoneId)}/dns_records";

    private static string Record(string zoneId, string recordId) => $"{Records(zoneId)}/{CloudflareIds.Record(recordId)}";
}
