using System.Net;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Where an agent's requests come from, and the connectors of its tunnel checked against it (case B29:
/// a forgotten cloudflared elsewhere serving the same tunnel causes intermittent 502s).
/// </summary>
public interface IAgentConnectors
{
    /// <summary>
    /// Records the address an authenticated request of the agent came from (the connection's remote address)
    /// as its <see cref="AgentRecord.LastAddress"/> and among its <see cref="AgentRecord.RecentAddresses"/>.
    /// Writes only when something changed.
    /// </summary>
    Task RecordAddressAsync(string agentId, IPAddress address, CancellationToken cancellationToken);

    /// <summary>The connectors of the agent's tunnel with their origin addresses, and a warning for each one that is not the agent's.</summary>
    /// <exception cref="AgentRequestException">No such agent (404), no tunnel (409), Cloudflare cannot be asked (502).</exception>
    Task<AgentConnectorReport> ListAsync(string agentId, CancellationToken cancellationToken);
}
