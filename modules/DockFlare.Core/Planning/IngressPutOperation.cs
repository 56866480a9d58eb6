using DockFlare.Core.Engine;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Planning;

/// <summary>
/// Replace a tunnel's whole ingress list (<c>PUT …/cfd_tunnel/{id}/configurations</c>). The list
/// is: DockFlare's rules in engine order, then rules it does not own in their live relative order,
/// then exactly one catch-all. Configuration other than <c>ingress</c> must be kept by the applier.
/// </summary>
/// <param name="Tunnel">The tunnel name.</param>
/// <param name="TunnelId">The Cloudflare tunnel id.</param>
/// <param name="Before">The live rules.</param>
/// <param name="After">The rules to write, in order.</param>
/// <param name="Cause">Which routes were added, changed or removed, and by whom.</param>
public sealed record IngressPutOperation(
    string Tunnel,
    string TunnelId,
    IReadOnlyList<IngressRule> Before,
    IReadOnlyList<PlannedIngressRule> After,
    PlanCause Cause) : PlanOperation(Cause)
{
    /// <summary>The rules to write, without ownership details.</summary>
    public IReadOnlyList<IngressRule> Rules => [.. After.Select(r => r.Rule)];

    /// <summary>After a successful write, the tunnel's ingress ownership records are exactly these.</summary>
    public IReadOnlyList<OwnershipRecord> OwnedRules =>
        [.. After.Where(r => r.IsOwned).Select(r => OwnershipRecord.ForIngressRule(Tunnel, new RouteKey(r.Rule.Hostname ?? "", r.Rule.Path ?? ""), r.Owner))];

    /// <summary>The document as <c>{"ingress":[…]}</c>; rules kept from the live document should be resent as read (see <see cref="PlannedIngressRule.ObservedIndex"/>).</summary>
    public string ToConfigJson() => new IngressDocument(Tunnel, Rules).ToConfigJson();

    /// <summary>Value equality over the rule lists too.</summary>
    public bool Equals(IngressPutOperation? other) =>
        other is not null && base.Equals(other) && Tunnel == other.Tunnel && TunnelId == other.TunnelId
        && Before.SequenceEqual(other.Before) && After.SequenceEqual(other.After);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Tunnel, After.Count);

    /// <inheritdoc />
    public override string Describe() => $"PUT ingress of tunnel '{Tunnel}' ({Before.Count} → {After.Count} rules): {Cause}";
}
