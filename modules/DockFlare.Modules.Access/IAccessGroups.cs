namespace DockFlare.Modules.Access;

/// <summary>
/// Access groups for the REST API and the web UI: the system groups (read-only) and the stored ones, each with its sync
/// state and the routes that use it. Every write is validated first, and asks for a reconcile so that the reusable
/// Cloudflare policies follow.
/// </summary>
public interface IAccessGroups
{
    /// <summary>The system groups first, then the stored ones in stored order.</summary>
    Task<IReadOnlyList<AccessGroupView>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One group, or null when there is none with that id.</summary>
    Task<AccessGroupView?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new group unless it is invalid, a system id, or the id is taken.</summary>
    /// <param name="request">The group as asked for.</param>
    /// <param name="by">Who asks (<c>api</c>, <c>ui by alice</c>), for the reconcile's cause.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    Task<AccessGroupChange> CreateAsync(AccessGroupRequest request, string by, CancellationToken cancellationToken);

    /// <summary>Replaces the stored group <paramref name="id"/> unless the new one is invalid or there is no such group.</summary>
    Task<AccessGroupChange> ReplaceAsync(string id, AccessGroupRequest request, string by, CancellationToken cancellationToken);

    /// <summary>Deletes a stored group, unless a route still names it (its route would stop being published).</summary>
    /// <returns>Null when it was deleted, otherwise why not.</returns>
    Task<AccessGroupProblem?> DeleteAsync(string id, string by, CancellationToken cancellationToken);
}
