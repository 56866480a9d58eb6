using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary><c>GET /api/v2/routes</c>: every desired route with its publication status.</summary>
internal static class RoutesEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/routes", (IReconciler reconciler, CancellationToken cancellationToken) =>
            reconciler.GetRoutesAsync(cancellationToken));
}
