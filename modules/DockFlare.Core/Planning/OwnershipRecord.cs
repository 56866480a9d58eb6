using DockFlare.Core.Engine;

namespace DockFlare.Core.Planning;

/// <summary>
/// Proof that DockFlare created (or was explicitly told to adopt) one Cloudflare object. The
/// planner never changes or deletes an object without such a record (or, for DNS, the
/// <see cref="DnsOwnershipMarker"/> of this instance in the record's comment).
/// </summary>
/// <param name="Kind">What kind of object it is.</param>
/// <param name="Scope">The tunnel name (ingress rule), the zone name (DNS record), or "" (Access application, account-wide).</param>
/// <param name="Name">The hostname (ingress rule, DNS record) or the Access domain <c>host[/path]</c>.</param>
/// <param name="ObjectId">The Cloudflare id (DNS record id, Access application id); null for ingress rules, which have none.</param>
public sealed record OwnershipRecord(OwnedObjectKind Kind, string Scope, string Name, string? ObjectId)
{
    /// <summary>The emitted path expression of an ingress rule; "" for the whole host and for other kinds.</summary>
    public string Path { get; init; } = "";

    /// <summary>
    /// The <see cref="RouteSource.OwnerKey"/> of the route that last wrote the object, when known.
    /// Used for the change log and to hold the objects of a source whose labels became invalid.
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>The route key of an ingress-rule record.</summary>
    public RouteKey RouteKey => new(Name, Path);

    /// <summary>Records that DockFlare owns the ingress rule <paramref name="key"/> on <paramref name="tunnel"/>.</summary>
    public static OwnershipRecord ForIngressRule(string tunnel, RouteKey key, string? owner) =>
        new(OwnedObjectKind.IngressRule, tunnel, key.Hostname, null) { Path = key.Path, Owner = owner };

    /// <summary>Records that DockFlare owns the DNS record <paramref name="recordId"/> for <paramref name="hostname"/>.</summary>
    public static OwnershipRecord ForDnsRecord(string zone, string hostname, string recordId, string? owner = null) =>
        new(OwnedObjectKind.DnsRecord, zone, hostname, recordId) { Owner = owner };

    /// <summary>Records that DockFlare owns the Access application <paramref name="appId"/> for <paramref name="domain"/>.</summary>
    public static OwnershipRecord ForAccessApplication(string domain, string appId, string? owner = null) =>
        new(OwnedObjectKind.AccessApplication, "", domain, appId) { Owner = owner };
}
