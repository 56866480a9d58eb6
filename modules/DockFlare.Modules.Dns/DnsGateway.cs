using System.Collections.Concurrent;
using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Dns;

/// <summary>
/// Reads and writes DNS records through the Cloudflare provider. Reads list each relevant zone once
/// (all pages) and filter locally, so a fleet of hundreds of hostnames costs one paged list per zone,
/// not one query per hostname. At most <c>MAX_CONCURRENT_DNS_OPS</c> calls run at once.
/// </summary>
internal sealed partial class DnsGateway : IDnsGateway, IDisposable
{
    private readonly ICloudflareDnsRecords _records;
    private readonly DnsOptions _options;
    private readonly ILogger<DnsGateway> _logger;
    private readonly SemaphoreSlim _slots;

    public DnsGateway(ICloudflareDnsRecords records, DnsOptions options, ILogger<DnsGateway> logger)
    {
        _records = records;
        _options = options;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentOperations));
    }

    public async Task<IReadOnlyList<ObservedDnsRecord>> ReadAsync(
        IReadOnlyCollection<string> hostnames, IReadOnlyList<KnownZone> zones, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hostnames);
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);

        var wanted = hostnames.Select(DnsNames.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var toRead = ZonesToRead(wanted, zones);
        var found = new ConcurrentBag<ObservedDnsRecord>();
        await Parallel.ForEachAsync(
            toRead,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentOperations), CancellationToken = cancellationToken },
            async (zone, token) =>
            {
                var records = await ListZoneAsync(zone, token).ConfigureAwait(false);
                foreach (var record in records)
                {
                    var name = DnsNames.Normalize(record.Name) ?? record.Name;
                    if (wanted.Contains(name) || DnsOwnershipMarker.IsOwnedBy(record.Comment, instanceId))
                    {
                        found.Add(new ObservedDnsRecord(record.Id, zone.Name, name, record.Type, record.Content, record.Proxied, record.Comment));
                    }
                }
            }).ConfigureAwait(false);

        LogRead(found.Count, toRead.Count, zones.Count);
        return found
            .OrderBy(r => r.Zone, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<string> CreateAsync(DnsCreateOperation operation, KnownZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(zone);
        var spec = operation.After;
        var name = RequireInside(spec.Name, zone, "create");
        DnsRecord created;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            created = await _records.CreateDnsRecordAsync(zone.Id, Input(spec, name), cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException ex) when (ex.IsDnsDuplicate)
        {
            throw new ReconcileConflictException(
                $"Creating the DNS record for {name} in zone {zone.Name} was refused: a record with that name already exists ({CloudflareFailure.Describe(ex)}). Nothing was written; the records are read again.",
                ex);
        }
        catch (CloudflareApiException ex)
        {
            throw Failed("Creating", name, zone, ex);
        }
        finally
        {
            _slots.Release();
        }

        LogCreated(name, spec.Content, zone.Name, created.Id);
        return created.Id;
    }

    public async Task UpdateAsync(DnsUpdateOperation operation, KnownZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(zone);
        var spec = operation.After;
        var name = RequireInside(spec.Name, zone, "update");
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _records.ReplaceDnsRecordAsync(zone.Id, operation.Before.Id, Input(spec, name), cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException ex) when (ex.IsNotFound)
        {
            throw new ReconcileConflictException(
                $"Updating the DNS record for {name} in zone {zone.Name} found it gone (record {operation.Before.Id}). Nothing was written; the records are read again.",
                ex);
        }
        catch (CloudflareApiException ex) when (ex.IsDnsDuplicate)
        {
            throw new ReconcileConflictException(
                $"Updating the DNS record for {name} in zone {zone.Name} was refused: another record with that name exists ({CloudflareFailure.Describe(ex)}). Nothing was written; the records are read again.",
                ex);
        }
        catch (CloudflareApiException ex)
        {
            throw Failed("Updating", name, zone, ex);
        }
        finally
        {
            _slots.Release();
        }

        LogUpdated(name, spec.Content, zone.Name, operation.Before.Id);
    }

    public async Task DeleteAsync(DnsDeleteOperation operation, KnownZone zone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(zone);
        var record = operation.Before;
        bool deleted;
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            deleted = await _records.DeleteDnsRecordAsync(zone.Id, record.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException ex) when (ex.IsNotFound)
        {
            deleted = false;
        }
        catch (CloudflareApiException ex)
        {
            throw Failed("Deleting", record.Name, zone, ex);
        }
        finally
        {
            _slots.Release();
        }

        if (deleted)
        {
            LogDeleted(record.Name, zone.Name, record.Id);
        }
        else
        {
            LogAlreadyGone(record.Name, zone.Name, record.Id);
        }
    }

    public void Dispose() => _slots.Dispose();

    private static DnsRecordInput Input(DnsRecordSpec spec, string name) =>
        new(spec.Type, name, spec.Content, Proxied: spec.Proxied, Ttl: 1, Comment: spec.Comment);

    // Cloudflare reads a name outside the zone as relative and appends the zone (app.example.net.example.com, B19):
    // refuse instead of sending it.
    private static string RequireInside(string hostname, KnownZone zone, string action)
    {
        var name = DnsNames.Normalize(hostname);
        var zoneName = DnsNames.Normalize(zone.Name);
        if (name is null || zoneName is null || !DnsNames.IsInside(name, zoneName))
        {
            throw new ReconcileException($"Cannot {action} the DNS record for {hostname} in zone {zone.Name}: the hostname is not inside that zone.");
        }

        return name;
    }

    private static ReconcileException Failed(string action, string hostname, KnownZone zone, CloudflareApiException ex) =>
        new($"{action} the DNS record for {hostname} in zone {zone.Name} failed: {CloudflareFailure.Describe(ex)}.", ex);

    // A zone is read when it can hold one of the hostnames, or when it is swept for this instance's markers
    // (a record whose ownership survived only in its comment): every zone when TUNNEL_DNS_SCAN_ZONE_NAMES is
    // empty, else the default zone and the named zones.
    private List<KnownZone> ZonesToRead(HashSet<string> hostnames, IReadOnlyList<KnownZone> zones)
    {
        var scanZones = _options.ScanZones.Select(DnsNames.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var byName = new Dictionary<string, KnownZone>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            if (DnsNames.Normalize(zone.Name) is { } name)
            {
                byName.TryAdd(name, zone with { Name = name });
            }
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, zone) in byName)
        {
            if (scanZones.Count == 0
                || scanZones.Contains(name)
                || string.Equals(zone.Id, _options.DefaultZoneId, StringComparison.OrdinalIgnoreCase))
            {
                selected.Add(name);
            }
        }

        // Every suffix of a hostname that is a zone may hold a record with that name.
        var lookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var hostname in hostnames)
        {
            for (var at = 0; at >= 0; at = hostname.IndexOf('.', at) is var dot and >= 0 ? dot + 1 : -1)
            {
                if (lookup.TryGetValue(hostname.AsSpan(at), out var zone))
                {
                    selected.Add(zone.Name);
                }
            }
        }

        return selected.Order(StringComparer.Ordinal).Select(n => byName[n]).ToList();
    }

    private async Task<IReadOnlyList<DnsRecord>> ListZoneAsync(KnownZone zone, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _records.ListDnsRecordsAsync(zone.Id, DnsRecordQuery.All, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException ex)
        {
            throw new ReconcileException($"Reading the DNS records of zone {zone.Name} ({zone.Id}) failed: {CloudflareFailure.Describe(ex)}.", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {RecordCount} relevant DNS records from {ZonesRead} of {ZoneCount} zones")]
    private partial void LogRead(int recordCount, int zonesRead, int zoneCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created DNS CNAME {Hostname} → {Target} in zone {Zone} (record {RecordId})")]
    private partial void LogCreated(string hostname, string target, string zone, string recordId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated DNS CNAME {Hostname} → {Target} in zone {Zone} (record {RecordId})")]
    private partial void LogUpdated(string hostname, string target, string zone, string recordId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted DNS record {Hostname} in zone {Zone} (record {RecordId})")]
    private partial void LogDeleted(string hostname, string zone, string recordId);

    [LoggerMessage(Level = LogLevel.Information, Message = "DNS record {Hostname} in zone {Zone} (record {RecordId}) was already gone")]
    private partial void LogAlreadyGone(string hostname, string zone, string recordId);
}
