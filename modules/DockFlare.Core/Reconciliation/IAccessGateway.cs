using DockFlare.Core.Planning;

namespace DockFlare.Core.Reconciliation;

/// <summary>Reads and writes Access applications and the policies behind them (implemented by the Access module).</summary>
public interface IAccessGateway
{
    /// <summary>
    /// The self-hosted Access applications of the account, each with <see cref="ObservedAccessApp.AppliedIntent"/>
    /// read back from its policies (null when the policies do not express an intent DockFlare can make).
    /// </summary>
    Task<IReadOnlyList<ObservedAccessApp>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure every Access group DockFlare manages (the system groups included) exists as a reusable
    /// policy, and returns the ids of the groups that can be used; a route naming any other group is not published.
    /// </summary>
    Task<IReadOnlySet<string>> EnsureGroupsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the application (and any policy of its own) and returns the application id.</summary>
    Task<string> CreateAsync(AccessCreateOperation operation, CancellationToken cancellationToken);

    /// <summary>Brings the application <see cref="AccessUpdateOperation.Before"/> to the new intent.</summary>
    Task UpdateAsync(AccessUpdateOperation operation, CancellationToken cancellationToken);

    /// <summary>Deletes the application (and the policies it alone used); one already gone counts as deleted.</summary>
    Task DeleteAsync(AccessDeleteOperation operation, CancellationToken cancellationToken);
}
