using DockFlare.Core.Reconciliation;

namespace DockFlare.Host.Api;

/// <summary><c>GET /api/v2/plan</c> (the dry run) and <c>POST /api/v2/reconcile</c> (apply now).</summary>
internal static class PlanEndpoints
{
    public const string ReconcileCause = "api";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plan", async (IReconciler reconciler, CancellationToken cancellationToken) =>
            PlanResponse.From(await reconciler.PreviewAsync(cancellationToken)));
        api.MapPost("/reconcile", (IReconciler reconciler, CancellationToken cancellationToken) =>
            reconciler.ReconcileAsync(ReconcileCause, cancellationToken));
    }
}
