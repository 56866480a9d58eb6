using DockFlare.Core.Jobs;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// The <c>reconcile</c> job (every <c>RECONCILE_INTERVAL_SECONDS</c>): a full reconcile that also
/// finds and repairs drift made in the Cloudflare dashboard (logged as drift, recorded in the change log).
/// </summary>
internal sealed class ReconcileJob(IReconciler reconciler, ReconciliationOptions options) : IRecurringJob
{
    public string Id => "reconcile";

    public string Cron
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(options.ReconcileIntervalSeconds / 60.0));
            return minutes < 60 ? $"*/{minutes} * * * *" : $"0 */{Math.Min(23, minutes / 60)} * * *";
        }
    }

    public Task RunAsync(CancellationToken cancellationToken) => reconciler.ReconcileAsync("job reconcile", cancellationToken);
}
