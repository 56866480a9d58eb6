using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Plugins.Cloudflare.Wire;

namespace DockFlare.Plugins.Cloudflare;

/// <summary><see cref="ICloudflareZones"/> over <c>/zones</c>.</summary>
internal sealed class CloudflareZonesClient(CloudflareTransport transport) : ICloudflareZones
{
    public async Task<IReadOnlyList<CloudflareZone>> ListZonesAsync(ZoneQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accountId = query.AccountId is null ? null : CloudflareIds.Account(query.AccountId);
        var zones = await transport.ListAllAsync<ZoneWire>(
            "zones",
            [new("name", query.Name), new("status", query.Status), new("account.id", accountId)],
            CloudflarePageSizes.Zones,
            z => z.Id,
            cancellationToken).ConfigureAwait(false);
        return zones.Select(z => z.ToZone()).ToList();
    }

    public async Task<CloudflareZone?> GetZoneAsync(string zoneId, CancellationToken cancellationToken)
    {
        var zone = await transport.GetOrNullAsync<ZoneWire>($"zones/{CloudflareIds.Zone(zoneId)}", cancellationToken).ConfigureAwait(false);
        return zone?.ToZone();
    }
}
