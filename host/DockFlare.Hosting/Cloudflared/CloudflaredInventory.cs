using DockFlare.Plugins.Abstractions;

namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// The cloudflared containers of one owner found on the engine: those in the two name slots, the labelled ones of the
/// same owner and tunnel under any other name (duplicates), and what blocks the slots.
/// </summary>
/// <param name="Ours">DockFlare's containers of this owner in the slots (a slot container without an owner label predates the label and is adopted).</param>
/// <param name="Extras">Containers of this owner and tunnel outside the slots, by id and name: duplicate connectors to remove.</param>
/// <param name="Blocking">A slot container that is not ours: not DockFlare's, or another owner's.</param>
/// <param name="Leftovers">Names of this owner's containers for another tunnel, outside the slots: reported, never removed.</param>
internal sealed record CloudflaredInventory(
    IReadOnlyList<ManagedContainerInfo> Ours,
    IReadOnlyList<(string Id, string Name)> Extras,
    ManagedContainerInfo? Blocking,
    IReadOnlyList<string> Leftovers)
{
    /// <summary>
    /// Our slot containers, the running ones first, and among those the last one deployed first (by
    /// <see cref="CloudflaredLabels.DeployedAt"/>, which sorts as text; a container without it counts as oldest).
    /// </summary>
    public IEnumerable<ManagedContainerInfo> Preferred =>
        Ours.OrderByDescending(c => c.IsRunning)
            .ThenByDescending(c => c.Labels.GetValueOrDefault(CloudflaredLabels.DeployedAt) ?? "", StringComparer.Ordinal);

    /// <summary>Finds the containers of <paramref name="owner"/> for the slots of <paramref name="name"/>.</summary>
    /// <param name="containers">Inspects the slots.</param>
    /// <param name="runtime">Lists managed containers; without it there are no extras or leftovers.</param>
    /// <param name="name">The first slot name.</param>
    /// <param name="owner">The owner id (<see cref="CloudflaredLabels.Instance"/>).</param>
    /// <param name="tunnelId">The current tunnel id, or null to count every container of the owner as an extra (removal).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public static async Task<CloudflaredInventory> FindAsync(
        IContainerManager containers, IContainerRuntime? runtime, string name, string owner, string? tunnelId, CancellationToken cancellationToken)
    {
        string[] slots = [name, CloudflaredContainerName.Alternate(name)];
        var ours = new List<ManagedContainerInfo>();
        ManagedContainerInfo? blocking = null;
        foreach (var slot in slots)
        {
            var found = await containers.InspectContainerAsync(slot, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                continue;
            }

            var foundOwner = found.Labels.GetValueOrDefault(CloudflaredLabels.Instance);
            if (!IsManaged(found.Labels) || (!string.IsNullOrEmpty(foundOwner) && foundOwner != owner))
            {
                blocking ??= found;
            }
            else
            {
                ours.Add(found);
            }
        }

        if (runtime is null)
        {
            return new CloudflaredInventory(ours, [], blocking, []);
        }

        var listed = await runtime.ListContainersAsync([CloudflaredLabels.ManagedBy], includeStopped: true, cancellationToken).ConfigureAwait(false);
        var others = listed.Where(c => IsManaged(c.Labels) && !slots.Contains(c.Name, StringComparer.Ordinal)).ToList();
        var extras = others
            .Where(c => c.Labels.GetValueOrDefault(CloudflaredLabels.Instance) == owner
                        && (tunnelId is null || c.Labels.GetValueOrDefault(CloudflaredLabels.TunnelId) == tunnelId))
            .Select(c => (c.Id, c.Name))
            .ToList();
        var leftovers = tunnelId is null
            ? []
            : others
                .Where(c => c.Name.StartsWith(CloudflaredRunner.ContainerNamePrefix, StringComparison.Ordinal)
                            && (!c.Labels.TryGetValue(CloudflaredLabels.Instance, out var by) || string.IsNullOrEmpty(by) || by == owner)
                            && c.Labels.GetValueOrDefault(CloudflaredLabels.TunnelId) != tunnelId)
                .Select(c => c.Name)
                .Order(StringComparer.Ordinal)
                .ToList();
        return new CloudflaredInventory(ours, extras, blocking, leftovers);
    }

    /// <summary>Whether DockFlare created the container with <paramref name="labels"/>.</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(CloudflaredLabels.ManagedBy, out var value) && value == CloudflaredLabels.ManagedByValue;
}
