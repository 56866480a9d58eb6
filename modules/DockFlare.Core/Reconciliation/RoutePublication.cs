namespace DockFlare.Core.Reconciliation;

/// <summary>Where a desired route stands in Cloudflare.</summary>
public enum RoutePublication
{
    /// <summary>Not reconciled yet, or the last reconcile failed before reaching it.</summary>
    Pending,

    /// <summary>Its ingress rule, DNS record and Access application are live.</summary>
    Active,

    /// <summary>Its container stopped; it stays live until its grace period ends.</summary>
    PendingDeletion,

    /// <summary>Not published: a conflict with an object DockFlare does not own, or Access that cannot be confirmed (fail closed).</summary>
    Blocked,
}
