using DockFlare.Core.Engine;

namespace DockFlare.Core.Planning;

/// <summary>Everything the planner compares: what should be, what is, and what is ours.</summary>
/// <param name="Desired">The engine's desired state, computed from every source at once (local Docker, agents, manual rules).</param>
/// <param name="Observed">The live Cloudflare state.</param>
/// <param name="Ownership">The ownership records of every object DockFlare created or adopted.</param>
/// <param name="InstanceId">This DockFlare installation's id, written into the <see cref="DnsOwnershipMarker"/>.</param>
public sealed record PlannerInput(
    DesiredState Desired,
    ObservedState Observed,
    IReadOnlyList<OwnershipRecord> Ownership,
    string InstanceId)
{
    /// <summary>
    /// The Access group ids that exist (or that the Access module guarantees before it applies
    /// the plan). A route that needs a group outside this set is not published (fail closed).
    /// Null means "not checked".
    /// </summary>
    public IReadOnlySet<string>? AvailableAccessGroups { get; init; }

    /// <summary>
    /// Access domains (canonical <c>host[/path]</c>) whose application could not be created or
    /// updated in this run, with the error. Their routes are blocked like any other unconfirmed
    /// Access (fail closed), so the applier can plan again without them.
    /// </summary>
    public IReadOnlyDictionary<string, string>? FailedAccessDomains { get; init; }
}
