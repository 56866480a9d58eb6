namespace DockFlare.Core.Reconciliation;

/// <summary>
/// Asks for a reconcile soon. Requests are coalesced: a burst (fifty containers starting) gives one
/// reconcile, and so one ingress write per tunnel. Never blocks and never throws.
/// </summary>
public interface IReconcileTrigger
{
    /// <summary>Requests a reconcile; <paramref name="cause"/> (for example <c>docker start web</c>) goes to the logs.</summary>
    void Request(string cause);
}
