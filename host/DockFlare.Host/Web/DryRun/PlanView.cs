using DockFlare.Core.State;

namespace DockFlare.Host.Web.DryRun;

/// <summary>The plan page's content: the dry run as a diff, the findings still shown, and those an admin hid.</summary>
/// <param name="ComputedAt">When the dry run was made.</param>
/// <param name="Steps">Every operation the plan would run, in its order (ignoring a finding never hides a step).</param>
/// <param name="Findings">Drift and conflicts not ignored.</param>
/// <param name="Ignored">Every ignored finding, whether or not it is still in the plan.</param>
/// <param name="GraceDeadlines">The routes waiting out their grace period.</param>
internal sealed record PlanView(
    DateTimeOffset ComputedAt,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<PlanFinding> Findings,
    IReadOnlyList<IgnoredFinding> Ignored,
    IReadOnlyList<GraceDeadline> GraceDeadlines);
