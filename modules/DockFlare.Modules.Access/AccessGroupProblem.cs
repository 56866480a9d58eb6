namespace DockFlare.Modules.Access;

/// <summary>Why a group cannot be written, deleted or found: a kind (the API's status), a stable code, and a message that names the problem.</summary>
/// <param name="Kind">What sort of refusal it is.</param>
/// <param name="Code">A stable code such as <c>invalid_group</c> or <c>group_in_use</c>.</param>
/// <param name="Message">The problem in words, naming the group and, for a rule, its list and position.</param>
public sealed record AccessGroupProblem(AccessGroupProblemKind Kind, string Code, string Message)
{
    /// <summary>Every problem found (for an invalid group), each on its own.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>No group has the id.</summary>
    public static AccessGroupProblem NotFound(string id) =>
        new(AccessGroupProblemKind.NotFound, "group_not_found", $"No Access group has the id '{id}'.");
}
