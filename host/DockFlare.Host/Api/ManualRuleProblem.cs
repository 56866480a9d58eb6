using DockFlare.Core.Diagnostics;

namespace DockFlare.Host.Api;

/// <summary>
/// Why a manual rule cannot be stored (or found): the HTTP status and stable code the REST API answers, and a message
/// that names the problem, which the web UI shows as it is.
/// </summary>
internal sealed record ManualRuleProblem(int Status, string Code, string Message)
{
    /// <summary>The engine's errors, when the rule itself is invalid.</summary>
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    public static ManualRuleProblem Invalid(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);

    public static ManualRuleProblem NotFound(string id) => new(StatusCodes.Status404NotFound, "rule_not_found", $"No manual rule has the id '{id}'.");

    public IResult ToResult() => ApiError.Result(Status, Code, Message, Diagnostics);
}
