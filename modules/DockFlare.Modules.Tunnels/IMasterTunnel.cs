using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Tunnels;

/// <summary>
/// The master's own tunnel: <c>TUNNEL_NAME</c> found or created in the account, or the
/// <c>EXTERNAL_TUNNEL_ID</c> in external mode. Shared by the tunnel directory and the cloudflared supervisor.
/// </summary>
internal interface IMasterTunnel
{
    /// <summary>Finds the tunnel by name (creating it when missing), once; later calls answer from memory unless it was deleted.</summary>
    /// <exception cref="ReconcileException">Cloudflare cannot be reached or refuses.</exception>
    Task<KnownTunnel> EnsureAsync(CancellationToken cancellationToken);

    /// <summary>The connector token of the tunnel, for cloudflared's <c>TUNNEL_TOKEN</c>. Never logged.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}
