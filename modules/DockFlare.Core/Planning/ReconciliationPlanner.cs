using DockFlare.Core.Diagnostics;

namespace DockFlare.Core.Planning;

/// <summary>
/// The planner: desired state versus observed Cloudflare state, giving an ordered, minimal plan.
/// Pure: no I/O, no clock, no randomness; the same input in any list order gives the same plan,
/// and applying a plan then planning again gives an empty plan.
/// Grace periods are not the planner's concern: a route in its grace period is still in the
/// desired state (marked pending deletion) and is planned exactly like a live one; it leaves the
/// plan's inputs only when the caller stops passing its container in (B14).
/// </summary>
public static class ReconciliationPlanner
{
    /// <summary>Computes the plan for <paramref name="input"/>. See <see cref="Plan"/> for the order of operations.</summary>
    /// <param name="input">Desired state, observed state, ownership records and this instance's id.</param>
    /// <returns>The operations to run in order, and the diagnostics found (conflicts, blocked and held routes).</returns>
    public static Plan Create(PlannerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.InstanceId);
        var context = new PlanningContext(input);
        RouteGate.Run(context);
        var ingress = IngressPlanner.Run(context);
        var (dnsUpserts, dnsDeletes) = DnsPlanner.Run(context);
        var (accessUpserts, accessDeletes) = AccessPlanner.Run(context);

        // Fail closed: Access is in place before a rule can route traffic; DNS follows the
        // ingress it points at; deletions run in reverse (rule gone, then DNS, then Access).
        List<PlanOperation> operations = [.. accessUpserts, .. ingress, .. dnsUpserts, .. dnsDeletes, .. accessDeletes];
        var diagnostics = context.Diagnostics
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Source, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
        var blocked = context.Routes.Where((_, i) => context.Status[i] == RouteStatus.Blocked).Select(r => r.Key).Distinct().ToList();
        return new Plan(operations, diagnostics) { BlockedRoutes = blocked };
    }
}
