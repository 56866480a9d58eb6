using DockFlare.Core.Engine;

namespace DockFlare.Core.State;

/// <summary>
/// The rules that keep a container source's stored containers right (pure). A full list from the
/// source is the truth about what exists; a container that stopped or disappeared is kept, as
/// stopped, until its grace period ends, and a container that runs again (same host and name, even
/// with a new id after a recreate) cancels its deadline (B14). A container first seen already
/// stopped was never published by this master and is not published until it runs.
/// </summary>
public static class ContainerInventory
{
    /// <summary>The owner keys a merge of <paramref name="seen"/> into <paramref name="stored"/> may ask deadlines about.</summary>
    public static IReadOnlyCollection<string> OwnerKeys(IReadOnlyList<KnownContainer> stored, IReadOnlyList<ContainerInput> seen)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(seen);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var known in stored)
        {
            keys.Add(known.OwnerKey);
        }

        foreach (var container in seen)
        {
            keys.Add(new KnownContainer(container).OwnerKey);
        }

        return keys;
    }

    /// <summary>Merges the complete list <paramref name="seen"/> of a source into its stored containers.</summary>
    /// <param name="stored">The containers stored for the source.</param>
    /// <param name="seen">Every labelled container the source has now, running or stopped.</param>
    /// <param name="deadlineOwners">The owner keys that already have a grace deadline.</param>
    public static InventoryChange Merge(
        IReadOnlyList<KnownContainer> stored, IReadOnlyList<ContainerInput> seen, IReadOnlySet<string> deadlineOwners)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(deadlineOwners);
        var before = new Dictionary<string, KnownContainer>(StringComparer.Ordinal);
        foreach (var known in stored)
        {
            before.TryAdd(known.OwnerKey, known);
        }

        var result = new SortedDictionary<string, KnownContainer>(StringComparer.Ordinal);
        var start = new List<string>();
        var clear = new List<string>();
        foreach (var container in seen)
        {
            var entry = new KnownContainer(container);
            if (!result.TryAdd(entry.OwnerKey, entry))
            {
                continue; // a source never has two containers of one name; keep the first
            }

            before.TryGetValue(entry.OwnerKey, out var previous);
            var running = container.State == ContainerState.Running;
            if (previous is null && !running)
            {
                // Never seen running by this master (it was already stopped when first listed, for
                // example after a new DATA_DIR): nothing to keep live, so it is not published.
                result[entry.OwnerKey] = entry with { Expired = true };
                continue;
            }

            if (previous is not null)
            {
                result[entry.OwnerKey] = entry with
                {
                    Container = container with { ClaimedSince = previous.Container.ClaimedSince ?? container.ClaimedSince },
                    Expired = previous.Expired && !running,
                };
            }

            if (running)
            {
                if (deadlineOwners.Contains(entry.OwnerKey))
                {
                    clear.Add(entry.OwnerKey);
                }
            }
            else if (!result[entry.OwnerKey].Expired && !deadlineOwners.Contains(entry.OwnerKey))
            {
                start.Add(entry.OwnerKey);
            }
        }

        foreach (var (owner, previous) in before)
        {
            if (result.ContainsKey(owner) || previous.Expired)
            {
                continue; // seen again, or removed after its routes were already deleted
            }

            result[owner] = previous with
            {
                Container = previous.Container with { State = ContainerState.Stopped },
                Present = false,
            };
            if (!deadlineOwners.Contains(owner))
            {
                start.Add(owner);
            }
        }

        var containers = result.Values.ToList();
        return new InventoryChange(containers, !SameContainers(stored, containers), start, clear);
    }

    /// <summary>
    /// Ends the grace period of <paramref name="owners"/>: a container that is still not running is
    /// marked expired (or dropped when it no longer exists), so its routes leave the desired state.
    /// </summary>
    public static IReadOnlyList<KnownContainer> Expire(IReadOnlyList<KnownContainer> stored, IReadOnlySet<string> owners)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(owners);
        var result = new List<KnownContainer>(stored.Count);
        foreach (var known in stored)
        {
            if (!owners.Contains(known.OwnerKey) || known.Container.State == ContainerState.Running)
            {
                result.Add(known);
            }
            else if (known.Present)
            {
                result.Add(known with { Expired = true });
            }
        }

        return result;
    }

    /// <summary>The containers the engine should see: every stored one whose grace period has not ended.</summary>
    public static IReadOnlyList<ContainerInput> ForEngine(IReadOnlyList<KnownContainer> stored) =>
        [.. stored.Where(k => !k.Expired).Select(k => k.Present ? k.Container : k.Container with { State = ContainerState.Stopped })];

    /// <summary>Whether two stored lists hold the same containers (labels compared by content).</summary>
    public static bool SameContainers(IReadOnlyList<KnownContainer> left, IReadOnlyList<KnownContainer> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return left.Count == right.Count && left.Zip(right).All(pair => Same(pair.First, pair.Second));
    }

    private static bool Same(KnownContainer a, KnownContainer b) =>
        a.Present == b.Present && a.Expired == b.Expired
        && a.Container.Id == b.Container.Id && a.Container.Name == b.Container.Name && a.Container.Host == b.Container.Host
        && a.Container.State == b.Container.State && a.Container.ClaimedSince == b.Container.ClaimedSince
        && a.Container.Labels.Count == b.Container.Labels.Count
        && a.Container.Labels.All(l => b.Container.Labels.TryGetValue(l.Key, out var v) && v == l.Value);
}
