using DockFlare.Core.Planning;

namespace DockFlare.Core.Reconciliation;

/// <summary>What one reconcile did.</summary>
/// <param name="Cause">What asked for it.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Plan">The plan it executed (the last one, if it had to plan again after a conflict).</param>
/// <param name="Applied">How many operations of the plan succeeded.</param>
/// <param name="Errors">What failed, one line each (empty on success); a skipped run says why.</param>
public sealed record ReconcileOutcome(
    string Cause,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    Plan Plan,
    int Applied,
    IReadOnlyList<string> Errors)
{
    /// <summary>Whether every operation succeeded.</summary>
    public bool Succeeded => Errors.Count == 0;
}
