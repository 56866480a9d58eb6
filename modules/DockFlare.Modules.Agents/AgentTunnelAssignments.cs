using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The rules around which tunnel an agent may run: never the master's own tunnel (the one every
/// <see cref="ITunnelDirectory"/> reports for <see cref="LocalHost.Name"/>), and a tunnel DockFlare created
/// for an agent is not orphaned when the agent moves to another one: it is retired, and deleted like the
/// tunnel of a removed agent.
/// </summary>
internal sealed class AgentTunnelAssignments(
    AgentDocuments documents,
    Lazy<IEnumerable<ITunnelDirectory>> directories,
    TimeProvider time,
    ILogger<AgentTunnelAssignments> log)
{
    /// <summary>Refuses (409) the master's own tunnel as an agent tunnel.</summary>
    public async Task EnsureNotMasterTunnelAsync(CloudflareTunnel tunnel, CancellationToken cancellationToken)
    {
        foreach (var directory in directories.Value.Where(d => d is not AgentTunnelDirectory))
        {
            IReadOnlyList<KnownTunnel> known;
            try
            {
                known = await directory.ListAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ReconcileException e)
            {
                throw new AgentRequestException(AgentRequestError.Upstream, "cloudflare_error",
                    $"Cannot check that tunnel '{tunnel.Name}' is not the master's own tunnel: {e.Message}", e);
            }

            if (known.Any(t => t.Host == LocalHost.Name && string.Equals(t.Id, tunnel.Id, StringComparison.OrdinalIgnoreCase)))
            {
                throw new AgentRequestException(AgentRequestError.Conflict, "master_tunnel",
                    $"Tunnel '{tunnel.Name}' is the master's own tunnel: an agent needs a tunnel of its own (give another 'tunnelId' or 'createTunnel': true).");
            }
        }
    }

    /// <summary>
    /// After <paramref name="previous"/> moved to <paramref name="tunnel"/>: its previous tunnel is retired if
    /// DockFlare created it for the agent, and the new tunnel is no longer retired (an admin chose it again).
    /// </summary>
    public async Task MovedAsync(AgentRecord previous, CloudflareTunnel tunnel)
    {
        await documents.DeleteAsync(AgentCollections.RetiredTunnels, tunnel.Id).ConfigureAwait(false);
        if (previous.TunnelId is not { } oldId || string.Equals(oldId, tunnel.Id, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!previous.TunnelCreated)
        {
            log.LogInformation("Agent {AgentId} left tunnel {TunnelName} ({TunnelId}); it was assigned by an admin, so it is kept",
                previous.Id, previous.TunnelName, oldId);
            return;
        }

        var retired = new RetiredTunnel(oldId, previous.TunnelName ?? oldId, previous.Id, time.GetUtcNow());
        await documents.UpdateAsync<RetiredTunnel>(AgentCollections.RetiredTunnels, oldId, current => current ?? retired).ConfigureAwait(false);
        log.LogInformation(
            "Agent {AgentId} left tunnel {TunnelName} ({TunnelId}), which DockFlare created for it: it is deleted once no rule of ours and no connector is left on it",
            previous.Id, retired.TunnelName, oldId);
    }
}
