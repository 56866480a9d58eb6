using DockFlare.Core.Planning;

namespace DockFlare.Core.Reconciliation;

/// <summary>Reads and writes tunnel ingress documents (implemented by the Tunnels module).</summary>
public interface IIngressGateway
{
    /// <summary>Reads the live ingress of each tunnel.</summary>
    /// <exception cref="ReconcileException">A tunnel's configuration cannot be read.</exception>
    Task<IReadOnlyList<ObservedTunnel>> ReadAsync(IReadOnlyList<KnownTunnel> tunnels, CancellationToken cancellationToken);

    /// <summary>
    /// Writes one tunnel's ingress. The live configuration is read again first: when its ingress is
    /// no longer <see cref="IngressPutOperation.Before"/> (someone edited it since the plan was made)
    /// nothing is written and <see cref="ReconcileConflictException"/> is thrown, so the caller plans
    /// again. Rules kept from the live document are resent exactly as read, and configuration other
    /// than <c>ingress</c> is kept.
    /// </summary>
    Task ApplyAsync(IngressPutOperation operation, CancellationToken cancellationToken);
}
