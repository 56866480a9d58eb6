using DockFlare.Core.Planning;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using Account = DockFlare.Core.Reconciliation.CloudflareAccount;
using WireRule = DockFlare.Plugins.Abstractions.Cloudflare.IngressRule;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// Reads and writes tunnel ingress through <see cref="ICloudflareTunnels"/>. A write is a read-check-write:
/// the configuration is read again, compared with what the plan was made from, and only then replaced,
/// with kept rules and everything outside <c>ingress</c> taken from that fresh read.
/// </summary>
/// <remarks>
/// Fields the provider does not model (for example <c>warp-routing</c>, or <c>proxyAddress</c>,
/// <c>bastionMode</c> and <c>ipRules</c> in an <c>originRequest</c>) travel in the models' <c>ExtensionData</c>,
/// so kept rules and the rest of the configuration go back exactly as read. A rule DockFlare writes keeps
/// what DockFlare does not manage from the live rule of the same host name and path
/// (<see cref="IngressRuleMapper.ToProvider(DockFlare.Core.Routing.IngressRule, WireRule?)"/>).
/// </remarks>
internal sealed class IngressGateway(ICloudflareTunnels tunnels, Account account, ILogger<IngressGateway> logger) : IIngressGateway
{
    public async Task<IReadOnlyList<ObservedTunnel>> ReadAsync(IReadOnlyList<KnownTunnel> tunnels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tunnels);
        var accountId = account.RequireId();
        var observed = new List<ObservedTunnel>(tunnels.Count);
        foreach (var tunnel in tunnels)
        {
            var configuration = await GetAsync(accountId, tunnel.Name, tunnel.Id, cancellationToken).ConfigureAwait(false);
            observed.Add(new ObservedTunnel(tunnel.Name, tunnel.Id, IngressRuleMapper.ToCore(configuration.Config.Ingress)));
        }

        return observed;
    }

    public async Task ApplyAsync(IngressPutOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var accountId = account.RequireId();
        var fresh = await GetAsync(accountId, operation.Tunnel, operation.TunnelId, cancellationToken).ConfigureAwait(false);
        var live = fresh.Config.Ingress;
        if (!IngressRuleMapper.ToCore(live).SequenceEqual(operation.Before))
        {
            logger.LogWarning(
                "Ingress of tunnel {TunnelName} ({TunnelId}) changed since it was planned; nothing written, planning again",
                operation.Tunnel, operation.TunnelId);
            throw new ReconcileConflictException(
                $"The ingress of tunnel '{operation.Tunnel}' ({operation.TunnelId}) changed since the plan was made; nothing was written.");
        }

        var rules = new List<WireRule>(operation.After.Count);
        foreach (var planned in operation.After)
        {
            rules.Add(planned.ObservedIndex is { } index
                ? Kept(operation, live, planned, index)
                : IngressRuleMapper.ToProvider(planned.Rule, SameMatch(live, planned.Rule)));
        }

        // Only ingress is replaced: origin defaults, warp-routing and anything else the configuration carries
        // (ExtensionData included, which `with` copies) stay as read.
        var configuration = fresh.Config with { Ingress = rules };
        TunnelConfiguration written;
        try
        {
            written = await tunnels.PutTunnelConfigurationAsync(accountId, operation.TunnelId, configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e)
        {
            throw new ReconcileException(
                $"Cannot write the ingress of tunnel '{operation.Tunnel}' ({operation.TunnelId}): {CloudflareFailure.Describe(e)}.", e);
        }

        logger.LogInformation(
            "Wrote ingress of tunnel {TunnelName} ({TunnelId}): {RuleCount} rules, configuration version {ConfigVersion}",
            operation.Tunnel, operation.TunnelId, rules.Count, written.Version);
    }

    private static WireRule Kept(IngressPutOperation operation, IReadOnlyList<WireRule> live, PlannedIngressRule planned, int index)
    {
        // The live document equals Before here, so a kept rule must point at itself; anything else is a planner bug
        // and writing would put the wrong rule in its place.
        if (index < 0 || index >= live.Count || IngressRuleMapper.ToCore(live[index]) != planned.Rule)
        {
            throw new ReconcileException(
                $"The plan for tunnel '{operation.Tunnel}' ({operation.TunnelId}) keeps live rule #{index + 1}, which is not the rule it names; nothing was written.");
        }

        return live[index];
    }

    // The live rule a written rule replaces: the first with the same host name (case-insensitive, as DNS) and path.
    private static WireRule? SameMatch(IReadOnlyList<WireRule> live, DockFlare.Core.Routing.IngressRule rule) =>
        live.FirstOrDefault(r =>
            string.Equals(r.Hostname ?? "", rule.Hostname ?? "", StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Path ?? "", rule.Path ?? "", StringComparison.Ordinal));

    private async Task<TunnelConfiguration> GetAsync(string accountId, string name, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await tunnels.GetTunnelConfigurationAsync(accountId, id, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e)
        {
            throw new ReconcileException($"Cannot read the configuration of tunnel '{name}' ({id}): {CloudflareFailure.Describe(e)}.", e);
        }
    }
}
