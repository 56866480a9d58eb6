using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Planning;

/// <summary>
/// Plans one ingress PUT per tunnel whose document must change. The new document is computed
/// from the complete desired state (every source targeting the tunnel, B11) and the live one:
/// DockFlare's published rules in engine order (already free of shadowing among themselves),
/// then its held rules as they are, then every rule it does not own in its live relative order
/// (B10), then exactly one catch-all (the live one when there is one, so a custom fallback
/// survives). Foreign rules come after ours, so they can never shadow ours; exact hostnames of
/// ours before foreign wildcards is also what cloudflared's first-match needs.
/// </summary>
internal static class IngressPlanner
{
    public static List<IngressPutOperation> Run(PlanningContext context)
    {
        var operations = new List<IngressPutOperation>();
        var tunnels = context.Input.Desired.Ingress.Select(d => d.Tunnel)
            .Concat(context.Ownership.IngressTunnels)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in tunnels)
        {
            // A tunnel that was not observed cannot be written; its routes were blocked by the gate.
            if (context.Tunnels.TryGetValue(name, out var tunnel) && PlanTunnel(context, tunnel) is { } operation)
            {
                operations.Add(operation);
            }
        }

        return operations;
    }

    private static IngressPutOperation? PlanTunnel(PlanningContext context, ObservedTunnel tunnel)
    {
        var published = new Dictionary<RouteKey, RouteSpec>();
        var after = new List<PlannedIngressRule>();
        for (var i = 0; i < context.Routes.Count; i++)
        {
            var route = context.Routes[i];
            if (route.Tunnel == tunnel.Tunnel && context.Status[i] == RouteStatus.Publish && published.TryAdd(route.Key, route))
            {
                after.Add(new PlannedIngressRule(route.ToIngressRule(), route.Source.OwnerKey, null));
            }
        }

        var held = new List<PlannedIngressRule>();
        var foreign = new List<PlannedIngressRule>();
        var ownedLive = new Dictionary<RouteKey, (IngressRule Rule, string? Owner)>();
        PlannedIngressRule? catchAll = null;
        for (var i = 0; i < tunnel.Ingress.Count; i++)
        {
            var rule = tunnel.Ingress[i];
            if (rule.IsCatchAll)
            {
                catchAll ??= new PlannedIngressRule(rule, null, i);
                continue;
            }

            var key = OwnershipIndex.KeyOf(rule);
            if (context.Ownership.OwnsIngress(tunnel.Tunnel, key, out var owner))
            {
                ownedLive.TryAdd(key, (rule, owner));
                if (!published.ContainsKey(key) && context.HeldRules.Contains((tunnel.Tunnel, key)))
                {
                    held.Add(new PlannedIngressRule(rule, owner ?? "", i));
                }
            }
            else
            {
                if (catchAll is not null)
                {
                    context.Diagnostics.Add(new Diagnostic(DiagnosticSeverity.Warning, PlanDiagnosticCodes.IngressAfterCatchAll, null, null,
                        $"Rule '{key}' on tunnel '{tunnel.Tunnel}' stood after the catch-all, where it never matched; it is kept, before the single catch-all."));
                }

                foreign.Add(new PlannedIngressRule(rule, null, i));
            }
        }

        if (after.Count == 0 && ownedLive.Count == 0)
        {
            return null; // Nothing of ours here: a tunnel DockFlare has no rules on is never written.
        }

        after.AddRange(held);
        after.AddRange(foreign);
        after.Add(catchAll ?? new PlannedIngressRule(IngressRule.CatchAll, null, null));
        if (after.Select(r => r.Rule).SequenceEqual(tunnel.Ingress))
        {
            return null;
        }

        return new IngressPutOperation(tunnel.Tunnel, tunnel.TunnelId, tunnel.Ingress, after, CauseOf(published, ownedLive, held));
    }

    private static PlanCause CauseOf(
        Dictionary<RouteKey, RouteSpec> published, Dictionary<RouteKey, (IngressRule Rule, string? Owner)> ownedLive, List<PlannedIngressRule> held)
    {
        var changes = new List<string>();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, route) in published)
        {
            var verb = !ownedLive.TryGetValue(key, out var live) ? "add" : live.Rule == route.ToIngressRule() ? null : "change";
            if (verb is not null)
            {
                changes.Add($"{verb} {key}");
                sources.Add(route.Source.Describe());
            }
        }

        var heldKeys = held.Select(r => OwnershipIndex.KeyOf(r.Rule)).ToHashSet();
        foreach (var (key, live) in ownedLive.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal))
        {
            if (!published.ContainsKey(key) && !heldKeys.Contains(key))
            {
                changes.Add($"remove {key} (no route of DockFlare uses it any more)");
                sources.Add(live.Owner ?? "unknown owner");
            }
        }

        var reason = changes.Count == 0 ? "restore rule order and the single catch-all" : string.Join("; ", changes);
        return new PlanCause(reason, [.. sources]);
    }
}
