using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;
using DockFlare.Modules.Access;

namespace DockFlare.Host.Api;

/// <summary>
/// Checks a manual rule before it is stored: its tunnel must be one DockFlare knows, and the engine (the same
/// validation labels get) must find no error in it against the account's zones.
/// </summary>
/// <remarks>
/// It also refuses what the engine cannot see in one rule alone but would leave the rule (or another route) unpublished:
/// a hostname and path another source already publishes (the engine would report a conflict and publish neither
/// rule's version reliably), and an Access group that does not exist (the route would be blocked, fail closed).
/// </remarks>
internal sealed class ManualRuleValidator(IEnumerable<ITunnelDirectory> directories, IZoneCatalog zones, IReconciler reconciler, IAccessGroups groups)
{
    /// <returns>Null when the rule may be stored, otherwise the problem to answer.</returns>
    /// <exception cref="ReconcileException">The tunnels or zones cannot be listed now.</exception>
    public async Task<ManualRuleProblem?> ValidateAsync(ManualRule rule, CancellationToken cancellationToken) =>
        (await CheckAsync(rule, cancellationToken)).Problem;

    /// <summary>Everything the engine says about the rule, warnings included, and whether it may be stored.</summary>
    /// <exception cref="ReconcileException">The tunnels or zones cannot be listed now.</exception>
    public async Task<ManualRuleCheck> CheckAsync(ManualRule rule, CancellationToken cancellationToken)
    {
        var (tunnels, failure) = await ReadTunnelsAsync(cancellationToken);
        if (!tunnels.Contains(rule.Tunnel) && failure is not null)
        {
            throw failure;
        }

        if (!tunnels.Contains(rule.Tunnel))
        {
            var known = tunnels.Count == 0 ? "DockFlare knows no tunnel yet" : "the known tunnels are " + string.Join(", ", tunnels);
            return new ManualRuleCheck(
                new ManualRuleProblem(StatusCodes.Status404NotFound, "tunnel_not_found", $"No tunnel is named '{rule.Tunnel}': {known}."), [], []);
        }

        var zoneList = await zones.ListAsync(cancellationToken);
        var defaultZone = await zones.GetDefaultZoneAsync(cancellationToken);
        var input = new EngineInput([], [rule], new EngineSettings
        {
            Zones = [.. zoneList.Select(z => z.Name)],
            DefaultZone = defaultZone?.Name,
            KnownTunnels = [.. tunnels],
        });
        var desired = DesiredStateEngine.Compute(input);
        var errors = desired.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var problem = errors.Count == 0
            ? await ConflictAsync(rule, desired.Routes, cancellationToken)
            : ManualRuleProblem.Invalid("invalid_rule", $"The rule is not valid: {string.Join(" ", errors.Select(e => e.Message))}") with { Diagnostics = errors };
        return new ManualRuleCheck(problem, desired.Diagnostics, desired.Routes);
    }

    private async Task<ManualRuleProblem?> ConflictAsync(ManualRule rule, IReadOnlyList<RouteSpec> routes, CancellationToken cancellationToken)
    {
        var report = await reconciler.GetRoutesAsync(cancellationToken);
        foreach (var route in routes)
        {
            var taken = report.Routes.FirstOrDefault(r => r.Route.Key == route.Key
                && !(r.Route.Source.Kind == RouteSourceKind.Manual && r.Route.Source.Id == rule.Id));
            if (taken is not null)
            {
                var where = route.Hostname + (route.PathAsWritten ?? route.Path ?? "");
                var grace = taken.DeleteAt is { } at ? $" (its container stopped; that route goes at {at:u}, after which this rule can be saved)" : "";
                return new ManualRuleProblem(StatusCodes.Status409Conflict, "route_taken",
                    $"{where} is already published by {taken.Route.Source.Describe()}{grace}: one hostname and path can have only one source. "
                    + "Change that source, or use another hostname or path.");
            }
        }

        var wanted = routes.Where(r => r.Access.Mode == AccessMode.Groups).SelectMany(r => r.Access.Groups).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > 0)
        {
            var known = (await groups.ListAsync(cancellationToken)).Select(g => g.Group.Id).ToHashSet(StringComparer.Ordinal);
            if (wanted.FirstOrDefault(g => !known.Contains(g)) is { } missing)
            {
                return ManualRuleProblem.Invalid("invalid_rule",
                    $"The rule is not valid: the Access group '{missing}' does not exist (the groups are {string.Join(", ", known.Order(StringComparer.Ordinal))}). "
                    + "Create it on the Access groups page first: a route whose group is missing is never published.");
            }
        }

        return null;
    }

    /// <summary>The names of the tunnels a rule may use, as far as they can be read now (for choosing one in a form).</summary>
    public async Task<IReadOnlyList<string>> TunnelNamesAsync(CancellationToken cancellationToken) =>
        [.. (await ReadTunnelsAsync(cancellationToken)).Names];

    // One directory that cannot answer (Cloudflare away) must not refuse a tunnel another one knows.
    private async Task<(SortedSet<string> Names, ReconcileException? Failure)> ReadTunnelsAsync(CancellationToken cancellationToken)
    {
        var tunnels = new SortedSet<string>(StringComparer.Ordinal);
        ReconcileException? failure = null;
        foreach (var directory in directories)
        {
            try
            {
                tunnels.UnionWith((await directory.ListAsync(cancellationToken)).Select(t => t.Name));
            }
            catch (ReconcileException exception)
            {
                failure ??= exception;
            }
        }

        return (tunnels, failure);
    }
}
