using System.Collections.Concurrent;
using System.Net;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Records where agents call from and compares the origin address of every connector of an agent's tunnel
/// with it (case B29). Only the connection's remote address is used: the master trusts no forwarding header
/// of its own, so behind a reverse proxy the proxy's address is what is recorded (see docs/agent-protocol.md).
/// </summary>
internal sealed class AgentConnectorCheck(
    AgentDocuments documents,
    Lazy<ICloudflareTunnels> tunnels,
    CloudflareAccount account,
    TimeProvider time,
    ILogger<AgentConnectorCheck> log) : IAgentConnectors
{
    /// <summary>How many distinct recent addresses an agent keeps.</summary>
    public const int MaxAddresses = 5;

    /// <summary>An unchanged address is not looked at again within this time by the same replica (no read per request).</summary>
    private static readonly TimeSpan RecordResolution = TimeSpan.FromMinutes(1);

    // Per agent and address: when this replica last wrote it (an agent alternating between two addresses,
    // dual-stack for example, costs at most a write per address and minute).
    private readonly ConcurrentDictionary<(string AgentId, string Address), DateTimeOffset> _recorded = new();

    public async Task RecordAddressAsync(string agentId, IPAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = Normalise(address);
        var now = time.GetUtcNow();
        if (_recorded.TryGetValue((agentId, text), out var at) && now - at < RecordResolution)
        {
            return;
        }

        await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agentId, agent =>
            {
                if (agent is null || agent.Status == AgentStatus.Removing
                    || (agent.LastAddress == text && agent.RecentAddresses.Count > 0 && agent.RecentAddresses[0] == text))
                {
                    return agent;
                }

                return agent with { LastAddress = text, RecentAddresses = [text, .. agent.RecentAddresses.Where(a => a != text).Take(MaxAddresses - 1)] };
            })
            .ConfigureAwait(false);
        _recorded[(agentId, text)] = now;
    }

    public async Task<AgentConnectorReport> ListAsync(string agentId, CancellationToken cancellationToken)
    {
        var agent = await documents.GetAsync<AgentRecord>(AgentCollections.Agents, agentId).ConfigureAwait(false)
            ?? throw new AgentRequestException(AgentRequestError.NotFound, "agent_not_found", $"No agent with id '{agentId}'.");
        if (agent.TunnelId is null)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "not_enrolled", $"Agent '{agent.DisplayName}' has no tunnel yet: enrol it first.");
        }

        if (!account.IsConfigured)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "cloudflare_not_configured", "Cloudflare is not configured: the connectors of a tunnel cannot be read.");
        }

        try
        {
            return await CheckAsync(agent, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e)
        {
            throw new AgentRequestException(AgentRequestError.Upstream, "cloudflare_error", $"Cannot read the connectors of tunnel {agent.TunnelName}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks every enrolled agent's tunnel and logs each warning once: the warnings last logged are kept in
    /// the registry (compare-and-set, so replicas do not repeat them); a warning that went away and comes back
    /// is logged again. Returns the warnings logged by this call.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAllAsync(CancellationToken cancellationToken)
    {
        if (!account.IsConfigured)
        {
            return [];
        }

        var logged = new List<string>();
        foreach (var agent in await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false))
        {
            if (agent.Status != AgentStatus.Enrolled || agent.TunnelId is null)
            {
                continue;
            }

            AgentConnectorReport report;
            try
            {
                report = await CheckAsync(agent, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is CloudflareApiException or ReconcileException or HttpRequestException)
            {
                log.LogDebug(e, "Agent {AgentId}: the connectors of tunnel {TunnelId} cannot be read now; checked again next time", agent.Id, agent.TunnelId);
                continue;
            }

            var current = report.Connectors.Where(c => c.FromAgent == false).Select(WarningKey).Order(StringComparer.Ordinal).ToList();
            var changed = false;
            await documents.UpdateAsync<AgentRecord>(AgentCollections.Agents, agent.Id, stored =>
                {
                    changed = stored is not null && stored.TunnelId == agent.TunnelId && stored.WarnedConnectors.SequenceEqual(agent.WarnedConnectors)
                        && !stored.WarnedConnectors.SequenceEqual(current);
                    return changed ? stored! with { WarnedConnectors = current } : stored;
                })
                .ConfigureAwait(false);
            if (!changed)
            {
                continue; // nothing new, or another replica logged it
            }

            var before = agent.WarnedConnectors.ToHashSet(StringComparer.Ordinal);
            foreach (var (connector, warning) in report.Connectors.Where(c => c.FromAgent == false).Zip(report.Warnings))
            {
                if (!before.Contains(WarningKey(connector)))
                {
                    log.LogWarning("Agent {AgentId}: {ConnectorWarning}", agent.Id, warning);
                    logged.Add(warning);
                }
            }
        }

        return logged;
    }

    private async Task<AgentConnectorReport> CheckAsync(AgentRecord agent, CancellationToken cancellationToken)
    {
        var connectors = await tunnels.Value.ListTunnelConnectorsAsync(account.RequireId(), agent.TunnelId!, cancellationToken).ConfigureAwait(false);
        var known = agent.RecentAddresses;
        var tunnelName = agent.TunnelName ?? agent.TunnelId!;
        var views = new List<AgentConnectorView>(connectors.Count);
        var warnings = new List<string>();
        foreach (var connector in connectors)
        {
            var origins = connector.Connections
                .Select(c => c.OriginIp)
                .OfType<string>()
                .Select(ip => IPAddress.TryParse(ip, out var parsed) ? Normalise(parsed) : ip.Trim())
                .Where(ip => ip.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var foreign = origins.Where(ip => !known.Contains(ip, StringComparer.Ordinal)).ToList();
            bool? fromAgent = known.Count == 0 ? null : foreign.Count == 0;
            views.Add(new AgentConnectorView(connector.Id, connector.Version, connector.Arch, connector.RunAt, origins, fromAgent));
            if (fromAgent == false)
            {
                warnings.Add(
                    $"Connector {connector.Id} of tunnel {tunnelName} connects from {string.Join(", ", foreign)}, which is not the address of agent " +
                    $"'{agent.DisplayName}' ({string.Join(", ", known)}): an old or foreign cloudflared may be serving this tunnel " +
                    "(stale connectors cause intermittent 502s).");
            }
        }

        return new AgentConnectorReport(agent.Id, agent.TunnelId!, tunnelName, known, views, warnings);
    }

    private static string WarningKey(AgentConnectorView connector) =>
        connector.Id + "@" + string.Join(",", connector.OriginIps);

    private static string Normalise(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
