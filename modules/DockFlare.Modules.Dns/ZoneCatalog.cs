using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Dns;

/// <summary>
/// The account's active zones, read from Cloudflare (every page) and kept for <see cref="CacheDuration"/>
/// so a burst of reconciles lists them once. The list is always the whole account: longest-suffix
/// matching (B19) needs every zone, and <c>TUNNEL_DNS_SCAN_ZONE_NAMES</c> only widens or narrows which
/// zones <see cref="DnsGateway"/> sweeps for ownership markers. <c>CF_ZONE_ID</c> names the default zone.
/// </summary>
internal sealed partial class ZoneCatalog : IZoneCatalog, IDisposable
{
    /// <summary>How long a listed set of zones is reused.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(60);

    private readonly ICloudflareZones _zones;
    private readonly CloudflareAccount _account;
    private readonly DnsOptions _options;
    private readonly ILogger<ZoneCatalog> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile ZoneSnapshot? _snapshot;

    public ZoneCatalog(ICloudflareZones zones, CloudflareAccount account, DnsOptions options, ILogger<ZoneCatalog> logger, TimeProvider time)
    {
        _zones = zones;
        _account = account;
        _options = options;
        _logger = logger;
        _time = time;
    }

    public async Task<IReadOnlyList<KnownZone>> ListAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).Zones;

    public async Task<KnownZone?> GetDefaultZoneAsync(CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(_options.DefaultZoneId) ? null : (await GetSnapshotAsync(cancellationToken).ConfigureAwait(false)).DefaultZone;

    public void Dispose() => _refresh.Dispose();

    private async Task<ZoneSnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_snapshot) is { } cached)
        {
            return cached;
        }

        // One caller lists; the others wait for its answer instead of listing too.
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_snapshot) is { } listedMeanwhile)
            {
                return listedMeanwhile;
            }

            var snapshot = await ReadAsync(cancellationToken).ConfigureAwait(false);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private ZoneSnapshot? Fresh(ZoneSnapshot? snapshot) =>
        snapshot is not null && _time.GetUtcNow() - snapshot.ListedAt < CacheDuration ? snapshot : null;

    private async Task<ZoneSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var accountId = _account.RequireId();
        IReadOnlyList<CloudflareZone> listed;
        try
        {
            listed = await _zones.ListZonesAsync(new ZoneQuery(AccountId: accountId, Status: "active"), cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException ex)
        {
            throw new ReconcileException($"Listing the zones of Cloudflare account {accountId} failed: {CloudflareFailure.Describe(ex)}.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new ReconcileException($"Listing the zones failed: CF_ACCOUNT_ID '{accountId}' is not a Cloudflare account id.", ex);
        }

        var zones = new List<KnownZone>(listed.Count);
        foreach (var zone in listed)
        {
            // The filter is sent, but an answer outside it must not become a place DNS is written to.
            if (!string.Equals(zone.Status, "active", StringComparison.OrdinalIgnoreCase)
                || (zone.AccountId is { } owner && !string.Equals(owner, accountId, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (DnsNames.Normalize(zone.Name) is { } name)
            {
                zones.Add(new KnownZone(zone.Id, name));
            }
            else
            {
                LogInvalidZoneName(zone.Id);
            }
        }

        zones.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var defaultZone = FindDefault(zones, accountId);
        foreach (var missing in _options.ScanZones.Where(s => zones.All(z => z.Name != DnsNames.Normalize(s))))
        {
            LogScanZoneMissing(missing, accountId);
        }

        LogListed(zones.Count, accountId);
        return new ZoneSnapshot(zones, defaultZone, _time.GetUtcNow());
    }

    private KnownZone? FindDefault(List<KnownZone> zones, string accountId)
    {
        if (string.IsNullOrEmpty(_options.DefaultZoneId))
        {
            return null;
        }

        var found = zones.Find(z => string.Equals(z.Id, _options.DefaultZoneId, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            // Not an error for reconciliation: hostnames still resolve against the account's zones.
            LogDefaultZoneMissing(_options.DefaultZoneId, accountId);
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listed {ZoneCount} active zones of Cloudflare account {AccountId}")]
    private partial void LogListed(int zoneCount, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CF_ZONE_ID {ZoneId} is not an active zone of Cloudflare account {AccountId}; there is no default zone")]
    private partial void LogDefaultZoneMissing(string zoneId, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TUNNEL_DNS_SCAN_ZONE_NAMES names {ZoneName}, which is not an active zone of Cloudflare account {AccountId}; it is not scanned")]
    private partial void LogScanZoneMissing(string zoneName, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cloudflare zone {ZoneId} has a name that is not a valid DNS name; it is ignored")]
    private partial void LogInvalidZoneName(string zoneId);
}
