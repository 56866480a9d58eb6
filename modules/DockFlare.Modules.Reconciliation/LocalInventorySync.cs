using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Modules.Reconciliation;

/// <summary>Writes one full container list of the local engine into the state store, with the grace deadlines it starts or cancels.</summary>
internal sealed class LocalInventorySync(IStateStore store, ReconciliationOptions options, LabelEngineOptions labels, TimeProvider time)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Whether a container carries any label DockFlare reads (any prefix, any case, so misspelt
    /// prefixes are still diagnosed). Containers DockFlare runs itself (its cloudflared, label
    /// <c>managed-by=dockflare</c>) are never a source of routes.
    /// </summary>
    public static bool IsOurs(IReadOnlyDictionary<string, string> labelsOfContainer, LabelEngineOptions labels)
    {
        if (labelsOfContainer.TryGetValue("managed-by", out var manager) && manager == "dockflare")
        {
            return false;
        }

        return labelsOfContainer.Keys.Any(labels.IsDockFlareLabel);
    }

    /// <summary>Stores the list; returns whether anything changed (containers or deadlines).</summary>
    public async Task<bool> ApplyAsync(IReadOnlyList<ContainerSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var seen = snapshots.Where(s => IsOurs(s.Labels, labels))
            .Select(s => new ContainerInput(s.Id, s.Name, LocalHost.Name, s.Labels, s.IsRunning ? ContainerState.Running : ContainerState.Stopped)
            {
                ClaimedSince = s.CreatedAt,
            })
            .ToList();

        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetRoutesAsync(RouteSourceKey.Local, cancellationToken).ConfigureAwait(false);
            var owners = ContainerInventory.OwnerKeys(current.Routes.Containers, seen);
            var deadlines = (await store.GetGraceDeadlinesAsync(owners, cancellationToken).ConfigureAwait(false))
                .Where(d => d.Source == RouteSourceKey.Local)
                .Select(d => d.OwnerKey)
                .ToHashSet(StringComparer.Ordinal);
            var change = ContainerInventory.Merge(current.Routes.Containers, seen, deadlines);
            if (change.Changed)
            {
                try
                {
                    await store.ReplaceRoutesAsync(RouteSourceKey.Local, current.Routes with { Containers = change.Containers }, current.Version, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (StateConcurrencyException) when (attempt < MaxAttempts)
                {
                    continue; // the grace job expired something meanwhile: merge again on top of it
                }
            }

            var deleteAt = time.GetUtcNow() + options.GracePeriod;
            foreach (var owner in change.StartDeadlines)
            {
                await store.SetGraceDeadlineAsync(new GraceDeadline(owner, RouteSourceKey.Local, deleteAt), cancellationToken).ConfigureAwait(false);
            }

            foreach (var owner in change.ClearDeadlines)
            {
                await store.ClearGraceDeadlineAsync(owner, cancellationToken).ConfigureAwait(false);
            }

            return change.Changed || change.StartDeadlines.Count > 0 || change.ClearDeadlines.Count > 0;
        }
    }
}
