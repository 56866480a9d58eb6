namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Reads Cloudflare zones.</summary>
/// <remarks>Every list is read to its last page. Failures throw <see cref="CloudflareApiException"/>.</remarks>
public interface ICloudflareZones
{
    /// <summary>Lists every zone matching <paramref name="query"/>.</summary>
    Task<IReadOnlyList<CloudflareZone>> ListZonesAsync(ZoneQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Reads one zone. Returns <see langword="null"/> only when Cloudflare definitively says it does not
    /// exist; any other failure throws.
    /// </summary>
    Task<CloudflareZone?> GetZoneAsync(string zoneId, CancellationToken cancellationToken);
}
