using DockFlare.Core.Routing;

namespace DockFlare.Core.Planning;

/// <summary>One rule of a planned ingress document.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Owner">The <c>OwnerKey</c> of the route the rule belongs to; null for a rule DockFlare does not own (kept as found) and for the catch-all.</param>
/// <param name="ObservedIndex">For a rule kept from the live document, its index there, so the applier can resend it exactly as read; null for a rule DockFlare writes.</param>
public sealed record PlannedIngressRule(IngressRule Rule, string? Owner, int? ObservedIndex)
{
    /// <summary>Whether DockFlare owns this rule (and records it as its own after the write).</summary>
    public bool IsOwned => Owner is not null;
}
