using DockFlare.Core.Jobs;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions.Cloudflare;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// The <c>agents-finish-removals</c> job (every minute): a removed agent whose routes have all left
/// (grace period over, and no ingress rule of ours left on its tunnel) has its tunnel deleted (refused
/// while a connector is attached, unless removal was asked with cascade), then leaves the registry.
/// A tunnel DockFlare created for an agent that moved to another tunnel (<see cref="RetiredTunnel"/>) is
/// deleted the same way, never with cascade.
/// </summary>
internal sealed class AgentRemovalJob(
    AgentDocuments documents,
    Lazy<IStateStore> store,
    Lazy<ICloudflareTunnels> tunnels,
    CloudflareAccount account,
    ILogger<AgentRemovalJob> log) : IRecurringJob
{
    public string Id => "agents-finish-removals";

    public string Cron => "* * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in (await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false)).Where(a => a.Status == AgentStatus.Removing))
        {
            await FinishAsync(agent, cancellationToken).ConfigureAwait(false);
        }

        foreach (var retired in await documents.ListAsync<RetiredTunnel>(AgentCollections.RetiredTunnels).ConfigureAwait(false))
        {
            await DeleteRetiredAsync(retired, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes one retired tunnel if nothing of ours and no connector is left on it; returns whether it is gone.</summary>
    internal async Task<bool> DeleteRetiredAsync(RetiredTunnel retired, CancellationToken cancellationToken)
    {
        var agents = await documents.ListAsync<AgentRecord>(AgentCollections.Agents).ConfigureAwait(false);
        if (agents.Any(a => string.Equals(a.TunnelId, retired.TunnelId, StringComparison.OrdinalIgnoreCase)))
        {
            // An agent was enrolled on it again: it is in use, not retired.
            await documents.DeleteAsync(AgentCollections.RetiredTunnels, retired.TunnelId).ConfigureAwait(false);
            return false;
        }

        var ingress = await store.Value.ListOwnershipAsync(OwnedObjectKind.IngressRule, cancellationToken).ConfigureAwait(false);
        if (ingress.Any(r => r.TunnelId == retired.TunnelId))
        {
            return false; // the next reconcile moves our rules to the agent's new tunnel first
        }

        try
        {
            await tunnels.Value.DeleteTunnelAsync(account.RequireId(), retired.TunnelId, cascade: false, cancellationToken).ConfigureAwait(false);
        }
        catch (CloudflareApiException e) when (e.IsActiveConnections)
        {
            log.LogDebug("Retired tunnel {TunnelName} ({TunnelId}) of agent {AgentId} still has a connector attached; deleted once it stops",
                retired.TunnelName, retired.TunnelId, retired.AgentId);
            return false;
        }
        catch (Exception e) when (e is CloudflareApiException or ReconcileException or HttpRequestException)
        {
            log.LogWarning(e, "Retired tunnel {TunnelName} ({TunnelId}) cannot be deleted now; retried next minute", retired.TunnelName, retired.TunnelId);
            return false;
        }

        await documents.DeleteAsync(AgentCollections.RetiredTunnels, retired.TunnelId).ConfigureAwait(false);
        log.LogInformation("Tunnel {TunnelName} ({TunnelId}), created for agent {AgentId} before it moved to another tunnel, is deleted",
            retired.TunnelName, retired.TunnelId, retired.AgentId);
        return true;
    }

    /// <summary>Finishes one removal if nothing of the agent is left; returns whether the agent is gone.</summary>
    internal async Task<bool> FinishAsync(AgentRecord agent, CancellationToken cancellationToken)
    {
        var source = RouteSourceKey.Agent(agent.Id);
        var routes = await store.Value.GetRoutesAsync(source, cancellationToken).ConfigureAwait(false);
        if (routes.Routes.Containers.Any(c => !c.Expired))
        {
            return false; // still in the grace period
        }

        if (agent.TunnelId is { } tunnelId)
        {
            var ingress = await store.Value.ListOwnershipAsync(OwnedObjectKind.IngressRule, cancellationToken).ConfigureAwait(false);
            if (ingress.Any(r => r.TunnelId == tunnelId))
            {
                return false; // the next reconcile removes our rules from the tunnel first
            }

            try
            {
                await tunnels.Value.DeleteTunnelAsync(account.RequireId(), tunnelId, agent.RemoveCascade, cancellationToken).ConfigureAwait(false);
            }
            catch (CloudflareApiException e) when (e.IsActiveConnections)
            {
                log.LogWarning("Removed agent {AgentId}: tunnel {TunnelId} still has a connector attached; it is deleted once the agent's cloudflared stops (or remove with cascade)",
                    agent.Id, tunnelId);
                return false;
            }
            catch (Exception e) when (e is CloudflareApiException or ReconcileException or HttpRequestException)
            {
                log.LogWarning(e, "Removed agent {AgentId}: tunnel {TunnelId} cannot be deleted now; retried next minute", agent.Id, tunnelId);
                return false;
            }
        }

        if (!routes.Routes.IsEmpty)
        {
            await store.Value.ReplaceRoutesAsync(source, RouteSet.Empty, routes.Version, cancellationToken).ConfigureAwait(false);
        }

        await documents.DeleteAsync(AgentCollections.Reports, agent.Id).ConfigureAwait(false);
        await documents.DeleteAsync(AgentCollections.Agents, agent.Id).ConfigureAwait(false);
        log.LogInformation("Removed agent {AgentId} ({DisplayName}) is gone; tunnel {TunnelId} deleted", agent.Id, agent.DisplayName, agent.TunnelId);
        return true;
    }
}
