namespace DockFlare.Modules.Access;

/// <summary>The outcome of a create or replace: the stored group, or why nothing was stored.</summary>
/// <param name="Group">The group as stored; null when refused.</param>
/// <param name="Problem">Why it was refused; null when stored.</param>
public sealed record AccessGroupChange(AccessGroupDefinition? Group, AccessGroupProblem? Problem)
{
    /// <summary>A refusal.</summary>
    public static AccessGroupChange Refused(AccessGroupProblem problem) => new(null, problem);
}
