using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Planning;

/// <summary>
/// The ordered, minimal set of writes that brings Cloudflare to the desired state, plus what the
/// planner found on the way (conflicts, held objects). The same value is the dry run the UI shows
/// and the list the applier executes, in order. Order, from first to last: Access creates and
/// updates, ingress PUTs (one per tunnel), DNS creates and updates, DNS deletes, Access deletes —
/// so a hostname never serves traffic without its Access application, and nothing a remaining
/// rule depends on is deleted before the rule is gone.
/// </summary>
/// <param name="Operations">The writes, in the order they must run.</param>
/// <param name="Diagnostics">Plan-level findings, ordered by code and then source.</param>
public sealed record Plan(IReadOnlyList<PlanOperation> Operations, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The desired routes the plan does not publish (conflicts, unconfirmed Access, unknown tunnels), by key.</summary>
    public IReadOnlyList<RouteKey> BlockedRoutes { get; init; } = [];

    /// <summary>Whether the plan writes nothing.</summary>
    public bool IsEmpty => Operations.Count == 0;

    /// <summary>Value equality over both lists, so that two plans compare as data.</summary>
    public bool Equals(Plan? other) =>
        other is not null && Operations.SequenceEqual(other.Operations) && Diagnostics.SequenceEqual(other.Diagnostics);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Operations.Count, Diagnostics.Count);
}
