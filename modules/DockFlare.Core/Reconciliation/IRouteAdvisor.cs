using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Reconciliation;

/// <summary>
/// Adds warnings about routes that will be published but probably not work, such as a service
/// name on no Docker network shared with the tunnel's cloudflared (B34). Advice never blocks a route.
/// </summary>
public interface IRouteAdvisor
{
    /// <summary>The warnings for <paramref name="desired"/>; empty when there is nothing to say or nothing can be checked.</summary>
    Task<IReadOnlyList<Diagnostic>> AdviseAsync(DesiredState desired, CancellationToken cancellationToken);
}
