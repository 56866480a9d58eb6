using DockFlare.Core.Planning;

namespace DockFlare.Core.Reconciliation;

/// <summary>Reads and writes DNS records (implemented by the DNS module).</summary>
public interface IDnsGateway
{
    /// <summary>
    /// The records, in <paramref name="zones"/>, named like one of <paramref name="hostnames"/> (any
    /// type, so a foreign A record in the way is seen), plus every record that carries the ownership
    /// marker of <paramref name="instanceId"/>.
    /// </summary>
    Task<IReadOnlyList<ObservedDnsRecord>> ReadAsync(
        IReadOnlyCollection<string> hostnames, IReadOnlyList<KnownZone> zones, string instanceId, CancellationToken cancellationToken);

    /// <summary>Creates the record and returns its id.</summary>
    /// <exception cref="ReconcileConflictException">A record with that name appeared since the plan was made (81053/81057).</exception>
    Task<string> CreateAsync(DnsCreateOperation operation, KnownZone zone, CancellationToken cancellationToken);

    /// <summary>Overwrites the record <see cref="DnsUpdateOperation.Before"/>.</summary>
    Task UpdateAsync(DnsUpdateOperation operation, KnownZone zone, CancellationToken cancellationToken);

    /// <summary>Deletes the record <see cref="DnsDeleteOperation.Before"/>; a record already gone counts as deleted.</summary>
    Task DeleteAsync(DnsDeleteOperation operation, KnownZone zone, CancellationToken cancellationToken);
}
