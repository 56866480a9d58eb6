namespace DockFlare.Core.Reconciliation;

/// <summary>
/// Lists tunnels DockFlare writes to. The Tunnels module contributes the master's own tunnel (and,
/// for manual rules, the account's other tunnels); the Agents module contributes agent tunnels.
/// The reconciler asks every registered directory and merges the answers by tunnel id.
/// </summary>
public interface ITunnelDirectory
{
    /// <summary>The tunnels this directory knows, creating the master's own tunnel first if it does not exist yet.</summary>
    /// <exception cref="ReconcileException">The tunnels cannot be listed or created now; the message says why.</exception>
    Task<IReadOnlyList<KnownTunnel>> ListAsync(CancellationToken cancellationToken);
}
