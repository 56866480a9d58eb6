namespace DockFlare.Modules.Access;

/// <summary>The sorts of refusal, each one HTTP status of the REST API.</summary>
public enum AccessGroupProblemKind
{
    /// <summary>The group is not valid (400).</summary>
    Invalid,

    /// <summary>There is no such group (404).</summary>
    NotFound,

    /// <summary>The id is taken, or the group is still used (409).</summary>
    Conflict,

    /// <summary>A system group, which cannot be written or deleted (403).</summary>
    ReadOnly,
}
