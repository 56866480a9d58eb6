namespace DockFlare.Modules.Reconciliation;

/// <summary>What applying one plan did.</summary>
/// <param name="Applied">Operations that succeeded.</param>
/// <param name="Errors">What failed or was skipped, one line each.</param>
/// <param name="FailedAccessDomains">Access domains whose application could not be created or updated, with the error.</param>
/// <param name="NeedsReplan">Whether the live state moved under the plan (a conflict) or an Access step failed, so planning again can finish the job.</param>
internal sealed record ApplyResult(
    int Applied,
    IReadOnlyList<string> Errors,
    IReadOnlyDictionary<string, string> FailedAccessDomains,
    bool NeedsReplan);
