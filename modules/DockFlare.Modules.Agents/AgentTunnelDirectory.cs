using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The tunnels of enrolled (and removing) agents, each with the agent id as its host, so the engine
/// routes an agent's containers to that agent's tunnel.
/// </summary>
internal sealed class AgentTunnelDirectory(AgentDocuments documents) : ITunnelDirectory
{
    public async Task<IReadOnlyList<KnownTunnel>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false))
            .Where(a => a.TunnelId is not null && a.TunnelName is not null && a.Status is AgentStatus.Enrolled or AgentStatus.Removing)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new KnownTunnel(a.TunnelName!, a.TunnelId!, a.Id))];
}
