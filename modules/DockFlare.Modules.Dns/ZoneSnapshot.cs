using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Dns;

/// <summary>One listing of the account's zones, as <see cref="ZoneCatalog"/> caches it.</summary>
/// <param name="Zones">The active zones, sorted by name.</param>
/// <param name="DefaultZone">The zone of <c>CF_ZONE_ID</c>, when it is one of them.</param>
/// <param name="ListedAt">When the list was read.</param>
internal sealed record ZoneSnapshot(IReadOnlyList<KnownZone> Zones, KnownZone? DefaultZone, DateTimeOffset ListedAt);
