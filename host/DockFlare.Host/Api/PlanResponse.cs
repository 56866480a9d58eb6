using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;

namespace DockFlare.Host.Api;

/// <summary>The dry run as the API shows it: a summary of the desired state, the plan, and the routes in their grace period.</summary>
internal sealed record PlanResponse(
    DateTimeOffset ComputedAt,
    DesiredSummary Desired,
    Plan Plan,
    IReadOnlyList<GraceDeadline> GraceDeadlines)
{
    // DesiredState itself is not serialised: its owner map is keyed by a struct and its ingress repeats the routes.
    public static PlanResponse From(ReconcilePreview preview) => new(
        preview.ComputedAt,
        new DesiredSummary(preview.Desired.Routes, preview.Desired.Hostnames, preview.Desired.Diagnostics),
        preview.Plan,
        preview.GraceDeadlines);
}
