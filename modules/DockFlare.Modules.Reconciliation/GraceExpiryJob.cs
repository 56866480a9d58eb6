using DockFlare.Core.Jobs;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Reconciliation;

/// <summary>
/// The <c>grace-expiry</c> job (every minute): containers whose grace period ended while they were
/// still stopped leave the desired state, then one reconcile deletes what only they used (B14, B16).
/// Idempotent: a deadline is cleared only after its container was marked.
/// </summary>
internal sealed class GraceExpiryJob(IStateStore store, IReconciler reconciler, TimeProvider time, ILogger<GraceExpiryJob> log) : IRecurringJob
{
    private const int MaxAttempts = 5;

    public string Id => "grace-expiry";

    public string Cron => "* * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await store.ListExpiredGraceDeadlinesAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (expired.Count == 0)
        {
            return;
        }

        foreach (var group in expired.GroupBy(d => d.Source))
        {
            var owners = group.Select(d => d.OwnerKey).ToHashSet(StringComparer.Ordinal);
            await ExpireAsync(group.Key, owners, cancellationToken).ConfigureAwait(false);
            foreach (var owner in owners)
            {
                await store.ClearGraceDeadlineAsync(owner, cancellationToken).ConfigureAwait(false);
            }

            log.LogInformation("Grace period ended for {Owners} ({Source}); their routes are removed", string.Join(", ", owners), group.Key);
        }

        await reconciler.ReconcileAsync("grace period ended for " + string.Join(", ", expired.Select(d => d.OwnerKey)), cancellationToken).ConfigureAwait(false);
    }

    private async Task ExpireAsync(RouteSourceKey source, IReadOnlySet<string> owners, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetRoutesAsync(source, cancellationToken).ConfigureAwait(false);
            var containers = ContainerInventory.Expire(current.Routes.Containers, owners);
            if (ContainerInventory.SameContainers(current.Routes.Containers, containers))
            {
                return;
            }

            try
            {
                await store.ReplaceRoutesAsync(source, current.Routes with { Containers = containers }, current.Version, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StateConcurrencyException) when (attempt < MaxAttempts)
            {
                // The source wrote a fresh list meanwhile: expire on top of it.
            }
        }
    }
}
