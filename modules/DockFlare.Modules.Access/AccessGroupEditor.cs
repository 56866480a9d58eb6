using System.Text.Json;
using DockFlare.Core.Access;
using DockFlare.Core.Reconciliation;

namespace DockFlare.Modules.Access;

/// <summary>
/// Lists, creates, replaces and deletes Access groups for the REST API and the web UI alike. A group is validated in
/// full before it is stored; a group that a route still names is not deleted, because that route would stop being
/// published (the planner fails closed on a missing group: it never makes the route public, but it holds it as it was).
/// </summary>
internal sealed class AccessGroupEditor(AccessGroupStore store, AccessGroupSync sync, IReconciler reconciler, IReconcileTrigger trigger, AccessOptions options)
    : IAccessGroups
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessGroupView>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var users = await UsersAsync(cancellationToken).ConfigureAwait(false);
        var latest = sync.Latest;
        var authenticated = latest?.Groups.GetValueOrDefault(AccessGroupCatalog.AuthenticatedGroup)
            ?? latest?.Unavailable.GetValueOrDefault(AccessGroupCatalog.AuthenticatedGroup)?.Group
            ?? AccessGroupCatalog.AuthenticatedPlaceholder();
        return
        [
            .. new[] { AccessGroupCatalog.Bypass(), authenticated }.Select(g => View(g, isSystem: true, latest, users)),
            .. stored.Select(g => View(g, isSystem: false, latest, users)),
        ];
    }

    /// <inheritdoc />
    public async Task<AccessGroupView?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.Group.Id == id);

    /// <inheritdoc />
    public async Task<AccessGroupChange> CreateAsync(AccessGroupRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Id))
        {
            return AccessGroupChange.Refused(Invalid("missing_id", "The group has no 'id': give it one such as 'staff' (lower-case letters, digits, '-' or '_')."));
        }

        var group = request.ToDefinition(request.Id.Trim());
        if (Refusal(group) is { } refused)
        {
            return AccessGroupChange.Refused(refused);
        }

        var problem = await store.UpdateAsync(list =>
        {
            if (list.Exists(g => g.Id == group.Id))
            {
                return (false, new AccessGroupProblem(AccessGroupProblemKind.Conflict, "group_exists",
                    $"An Access group with id '{group.Id}' already exists: change that group, or give this one another id."));
            }

            if (list.Count >= AccessGroupLimits.MaxGroups)
            {
                return (false, Invalid("too_many_groups", $"There are already {list.Count} Access groups, the limit: delete one first."));
            }

            list.Add(group);
            return (true, (AccessGroupProblem?)null);
        }, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return AccessGroupChange.Refused(problem);
        }

        trigger.Request($"access group {group.Id} created by {by}");
        return new AccessGroupChange(group, null);
    }

    /// <inheritdoc />
    public async Task<AccessGroupChange> ReplaceAsync(string id, AccessGroupRequest request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(request.Id) && request.Id.Trim() != id)
        {
            return AccessGroupChange.Refused(Invalid("id_mismatch",
                $"The body's id '{request.Id}' is not the id in the URL '{id}': a group's id cannot change (labels name it)."));
        }

        var group = request.ToDefinition(id);
        if (Refusal(group) is { } refused)
        {
            return AccessGroupChange.Refused(refused);
        }

        var replaced = await store.UpdateAsync(list =>
        {
            var index = list.FindIndex(g => g.Id == id);
            if (index < 0)
            {
                return (false, false);
            }

            list[index] = group;
            return (true, true);
        }, cancellationToken).ConfigureAwait(false);
        if (!replaced)
        {
            return AccessGroupChange.Refused(AccessGroupProblem.NotFound(id));
        }

        trigger.Request($"access group {id} updated by {by}");
        return new AccessGroupChange(group, null);
    }

    /// <inheritdoc />
    public async Task<AccessGroupProblem?> DeleteAsync(string id, string by, CancellationToken cancellationToken)
    {
        if (AccessGroupCatalog.IsSystem(id))
        {
            return ReadOnly(id);
        }

        if ((await UsersAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id) is { Count: > 0 } users)
        {
            return new AccessGroupProblem(AccessGroupProblemKind.Conflict, "group_in_use",
                $"Access group '{id}' is still used by {string.Join(", ", users)}. Without the group those routes would not be "
                + "published any more (their Access application is kept as it is, never opened to the public): change their labels or "
                + "manual rules first, then delete the group.");
        }

        var deleted = await store.UpdateAsync(list => list.RemoveAll(g => g.Id == id) > 0 ? (true, true) : (false, false), cancellationToken)
            .ConfigureAwait(false);
        if (!deleted)
        {
            return AccessGroupProblem.NotFound(id);
        }

        trigger.Request($"access group {id} deleted by {by}");
        return null;
    }

    private static AccessGroupProblem? Refusal(AccessGroupDefinition group)
    {
        if (AccessGroupCatalog.IsSystem(group.Id))
        {
            return ReadOnly(group.Id);
        }

        var problems = AccessGroupValidator.Validate(group);
        return problems.Count == 0
            ? null
            : Invalid("invalid_group", string.Join(" ", problems)) with { Details = problems };
    }

    private static AccessGroupProblem Invalid(string code, string message) => new(AccessGroupProblemKind.Invalid, code, message);

    private static AccessGroupProblem ReadOnly(string id) => new(AccessGroupProblemKind.ReadOnly, "system_group",
        $"'{id}' is a system group: DockFlare builds it (and keeps its Cloudflare policy) itself, so it cannot be written or deleted.");

    private AccessGroupView View(AccessGroupDefinition group, bool isSystem, AccessGroupSnapshot? latest, IReadOnlyDictionary<string, List<string>> users) =>
        new(group, isSystem, group.PolicyName, SyncOf(group, latest), users.GetValueOrDefault(group.Id) ?? []);

    private AccessGroupSyncStatus SyncOf(AccessGroupDefinition group, AccessGroupSnapshot? latest)
    {
        if (latest is null)
        {
            return new(AccessGroupSyncState.Unknown, null, "This master has not reconciled since it started; the next reconcile syncs the group.");
        }

        if (latest.Groups.TryGetValue(group.Id, out var synced))
        {
            if (!SameContent(synced, group))
            {
                return Pending();
            }

            return latest.PolicyIds.TryGetValue(group.Id, out var policyId)
                ? new(AccessGroupSyncState.Synced, policyId, $"Cloudflare policy {policyId} holds these rules.")
                : new(AccessGroupSyncState.Synced, null, options.UseReusablePolicies
                    ? "Synced."
                    : "Reusable policies are off: the rules are copied into each application that uses the group.");
        }

        return latest.Unavailable.TryGetValue(group.Id, out var unavailable) && SameContent(unavailable.Group, group)
            ? new(AccessGroupSyncState.Failed, null, $"Not usable: {unavailable.Reason}. Routes that name it are not published.")
            : Pending();
    }

    private static AccessGroupSyncStatus Pending() =>
        new(AccessGroupSyncState.Pending, null, "Changed since the last reconcile; the next one syncs it.");

    private static bool SameContent(AccessGroupDefinition a, AccessGroupDefinition b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    // Group id → the routes (of containers and manual rules, published or not) that name it.
    private async Task<IReadOnlyDictionary<string, List<string>>> UsersAsync(CancellationToken cancellationToken)
    {
        var report = await reconciler.GetRoutesAsync(cancellationToken).ConfigureAwait(false);
        var users = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var route in report?.Routes.Select(r => r.Route) ?? [])
        {
            if (route.Access.Mode != AccessMode.Groups)
            {
                continue;
            }

            var text = $"{route.Hostname}{route.PathAsWritten ?? route.Path} ({route.Source.Describe()})";
            foreach (var group in route.Access.Groups.Distinct(StringComparer.Ordinal))
            {
                if (!users.TryGetValue(group, out var list))
                {
                    users[group] = list = [];
                }

                if (!list.Contains(text, StringComparer.Ordinal))
                {
                    list.Add(text);
                }
            }
        }

        return users;
    }
}
