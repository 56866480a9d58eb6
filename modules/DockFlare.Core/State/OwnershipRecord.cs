namespace DockFlare.Core.State;

/// <summary>Proof that DockFlare created a Cloudflare object, so it may later change or delete it.</summary>
/// <param name="Kind">The kind of object.</param>
/// <param name="CloudflareId">The object's Cloudflare id (for an ingress rule: <c>hostname path</c>).</param>
/// <param name="AccountId">The account the object lives in, when known.</param>
/// <param name="ZoneId">The zone (DNS records, zone-level Access apps), when there is one.</param>
/// <param name="TunnelId">The tunnel (ingress rules, CNAME targets), when there is one.</param>
/// <param name="Hostname">The hostname the object serves, when there is one.</param>
/// <param name="CreatedAt">When DockFlare created (or adopted) it.</param>
/// <param name="CreatedBy">The cause: which container, agent, rule or user led to its creation.</param>
public sealed record OwnershipRecord(
    OwnedObjectKind Kind,
    string CloudflareId,
    string? AccountId,
    string? ZoneId,
    string? TunnelId,
    string? Hostname,
    DateTimeOffset CreatedAt,
    string CreatedBy);
