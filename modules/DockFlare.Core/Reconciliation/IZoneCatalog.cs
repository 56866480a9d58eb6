namespace DockFlare.Core.Reconciliation;

/// <summary>The zones DockFlare may create records in, for longest-suffix zone matching (B19).</summary>
public interface IZoneCatalog
{
    /// <summary>The account's active zones (or the configured subset), by name.</summary>
    /// <exception cref="ReconcileException">The zones cannot be listed now; the message says why.</exception>
    Task<IReadOnlyList<KnownZone>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The zone named by <c>CF_ZONE_ID</c>, used when a hostname matches no zone, or null.</summary>
    Task<KnownZone?> GetDefaultZoneAsync(CancellationToken cancellationToken);
}
