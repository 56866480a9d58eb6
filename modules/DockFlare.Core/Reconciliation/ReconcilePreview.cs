using DockFlare.Core.Engine;
using DockFlare.Core.Planning;
using DockFlare.Core.State;

namespace DockFlare.Core.Reconciliation;

/// <summary>A dry run: the desired state, and the plan that would bring Cloudflare to it now.</summary>
/// <param name="Desired">The desired state of every source together.</param>
/// <param name="Plan">The operations a reconcile would run, in order, with the planner's findings.</param>
/// <param name="GraceDeadlines">The routes waiting out their grace period.</param>
/// <param name="ComputedAt">When the preview was made.</param>
public sealed record ReconcilePreview(
    DesiredState Desired,
    Plan Plan,
    IReadOnlyList<GraceDeadline> GraceDeadlines,
    DateTimeOffset ComputedAt);
