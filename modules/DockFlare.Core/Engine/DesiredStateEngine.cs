using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Labels;
using DockFlare.Core.Routing;
using DockFlare.Core.Zones;

namespace DockFlare.Core.Engine;

/// <summary>
/// The label engine and desired-state calculation: one pure function used for local
/// containers, agent-reported containers, manual rules, the UI's dry run and the linter.
/// </summary>
public static class DesiredStateEngine
{
    /// <summary>
    /// Turns containers, manual rules and settings into validated routes, one ingress
    /// document per tunnel, the zone and tunnel of every hostname, the Access intent of every
    /// route, and diagnostics. Deterministic: the same input in any order gives the same output.
    /// </summary>
    /// <param name="input">Containers, manual rules, settings and the previous owners.</param>
    /// <returns>The desired state; never throws for bad labels (they become diagnostics).</returns>
    public static DesiredState Compute(EngineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        var diagnostics = new List<Diagnostic>();
        var zones = new ZoneResolver(settings.Zones, settings.DefaultZone, diagnostics);
        var prefixes = new LabelPrefixes(settings.LabelPrefix);
        var primary = prefixes.InOrder[0];
        var claims = new List<RouteClaim>(input.Containers.Count + input.ManualRules.Count);
        var tunnels = new SortedSet<string>(settings.KnownTunnels ?? [], StringComparer.Ordinal);

        for (var i = 0; i < input.ManualRules.Count; i++)
        {
            var rule = input.ManualRules[i];
            var sink = new DiagnosticSink(diagnostics, "manual:" + rule.Id, null, null);
            if (ManualRuleDrafts.Create(rule, i, sink) is { } draft)
            {
                tunnels.Add(draft.Tunnel);
                if (RouteValidator.Validate(draft, zones, sink) is { } claim)
                {
                    claims.Add(claim);
                }
            }
        }

        for (var i = 0; i < input.Containers.Count; i++)
        {
            var container = input.Containers[i];
            var tunnel = settings.TunnelByHost?.GetValueOrDefault(container.Host) ?? container.Host;
            tunnels.Add(tunnel);
            ReadContainer(container, tunnel, prefixes, primary, zones, diagnostics, claims, input.ManualRules.Count + i);
        }

        var owned = ClaimResolver.Resolve(claims, new ClaimPriority(input.PriorOwners));
        return Assemble(owned, tunnels, SortedBySource(diagnostics));
    }

    private static void ReadContainer(
        ContainerInput container, string tunnel, LabelPrefixes prefixes, string primary, ZoneResolver zones,
        List<Diagnostic> diagnostics, List<RouteClaim> claims, int ordinal)
    {
        var sink = new DiagnosticSink(diagnostics, container.Name, container.Id, container.Host);
        var labels = ContainerLabelReader.Read(container.Labels, prefixes, sink);
        if (!labels.HasAny)
        {
            return;
        }

        var enabled = false;
        if (labels.Enable is { } enable)
        {
            enabled = BooleanLabel.Parse(enable.Value, out var recognised);
            if (!recognised)
            {
                sink.Warning(DiagnosticCodes.InvalidBoolean, enable.Key,
                    $"'{enable.Key}={enable.Value}' is not true/yes/1/t or false/no/0/f; it is read as false, so the container is ignored.");
            }
        }

        var hasRouteLabels = labels.Base.Count > 0 || labels.Indexed.Count > 0;
        if (!enabled)
        {
            if (labels.Enable is null && hasRouteLabels)
            {
                sink.Warning(DiagnosticCodes.NotEnabled, null,
                    $"The container has {primary.TrimEnd('.')} labels but no '{primary}enable=true', so it is ignored; add '{primary}enable=true' to publish it.");
            }

            return;
        }

        var errorsBefore = sink.ErrorCount;
        var drafts = RouteDraftBuilder.Build(labels, container, tunnel, primary, ordinal, sink);
        foreach (var draft in drafts)
        {
            if (RouteValidator.Validate(draft, zones, sink) is { } claim)
            {
                claims.Add(claim);
            }
        }

        if (drafts.Count == 0 && sink.ErrorCount == errorsBefore)
        {
            sink.Error(DiagnosticCodes.NoRoutes, labels.Enable?.Key,
                $"The container is enabled but has no hostname, so nothing is published: add '{primary}hostname=<public hostname>' and '{primary}service=http://<container>:<port>'.");
        }
    }

    private static DesiredState Assemble(List<RouteClaim> owned, SortedSet<string> tunnels, List<Diagnostic> diagnostics)
    {
        owned.Sort(TunnelThenIngressOrder);
        var routes = new List<RouteSpec>(owned.Count);
        var access = new List<AccessIntent>(owned.Count);
        var hostnames = new List<HostnameAssignment>();
        var rulesByTunnel = new Dictionary<string, List<IngressRule>>(StringComparer.Ordinal);
        foreach (var claim in owned)
        {
            var route = new RouteSpec(
                claim.Key, claim.Service.Value, claim.Service.Kind, claim.Origin, claim.Zone, claim.Draft.Tunnel, claim.Source, claim.Access,
                PendingDeletion: !claim.Draft.Running)
            {
                PathAsWritten = claim.Draft.Path?.Value,
            };
            routes.Add(route);
            access.Add(claim.Access);
            // In ingress order a hostname's routes are adjacent (and on one tunnel, see ClaimResolver).
            if (hostnames.Count > 0 && hostnames[^1].Hostname == route.Hostname)
            {
                // A hostname is pending deletion only when all of its routes are.
                hostnames[^1] = hostnames[^1] with { PendingDeletion = hostnames[^1].PendingDeletion && route.PendingDeletion };
            }
            else
            {
                hostnames.Add(new HostnameAssignment(route.Hostname, route.Zone, route.Tunnel, route.PendingDeletion));
            }

            if (!rulesByTunnel.TryGetValue(route.Tunnel, out var rules))
            {
                rules = [];
                rulesByTunnel.Add(route.Tunnel, rules);
            }

            rules.Add(route.ToIngressRule());
        }

        var documents = new List<IngressDocument>(tunnels.Count);
        foreach (var tunnel in tunnels)
        {
            var rules = rulesByTunnel.GetValueOrDefault(tunnel) ?? [];
            rules.Add(IngressRule.CatchAll);
            documents.Add(new IngressDocument(tunnel, rules));
        }

        hostnames.Sort(static (x, y) => string.CompareOrdinal(x.Hostname, y.Hostname));
        return new DesiredState(routes, documents, hostnames, access, diagnostics);
    }

    // Engine-wide findings first, then per source (name, host, id); a source's own findings
    // keep the order they were found in (OrderBy is stable), so the list does not depend on
    // the order of the input.
    private static List<Diagnostic> SortedBySource(List<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .OrderBy(d => d.Source is not null)
            .ThenBy(d => d.Source, StringComparer.Ordinal)
            .ThenBy(d => d.Host, StringComparer.Ordinal)
            .ThenBy(d => d.ContainerId, StringComparer.Ordinal),
    ];

    private static int TunnelThenIngressOrder(RouteClaim x, RouteClaim y)
    {
        var byTunnel = string.CompareOrdinal(x.Draft.Tunnel, y.Draft.Tunnel);
        return byTunnel != 0 ? byTunnel : IngressOrder.Instance.Compare(x, y);
    }
}
