using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary>
/// Checks a manual rule before it is stored: its tunnel must be one DockFlare knows, and the engine (the same
/// validation labels get) must find no error in it against the account's zones.
/// </summary>
internal sealed class ManualRuleValidator(IEnumerable<ITunnelDirectory> directories, IZoneCatalog zones)
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
            ? null
            : ManualRuleProblem.Invalid("invalid_rule", $"The rule is not valid: {string.Join(" ", errors.Select(e => e.Message))}") with { Diagnostics = errors };
        return new ManualRuleCheck(problem, desired.Diagnostics, desired.Routes);
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
