namespace DockFlare.Host.Web.DryRun;

/// <summary>One item of the plan page's "drift and conflicts" list.</summary>
/// <param name="Key">A stable id of this exact finding (its ignore key): the same finding in a later plan has the same key.</param>
/// <param name="Kind">What sort of item it is.</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Code">The planner's diagnostic code, or the operation name of a drift item.</param>
/// <param name="Subject">The source it is about (<c>web on local</c>, <c>manual:nas</c>) or the object that drifted.</param>
/// <param name="Message">What the planner says.</param>
/// <param name="AdoptHostname">The hostname of the desired route to adopt the objects of; null when adopt is not offered.</param>
/// <param name="AdoptPath">That route's path, or null for the whole host.</param>
internal sealed record PlanFinding(
    string Key,
    PlanFindingKind Kind,
    string Severity,
    string Code,
    string Subject,
    string Message,
    string? AdoptHostname,
    string? AdoptPath)
{
    /// <summary>How the finding is listed among the ignored ones.</summary>
    public string Description => $"{Code}: {Message}";
}
