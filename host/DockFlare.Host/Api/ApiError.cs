using System.Text.Json.Serialization;
using DockFlare.Core.Diagnostics;

namespace DockFlare.Host.Api;

/// <summary>The body of every API error: a stable code, a message that names the problem, and diagnostics when a rule is invalid.</summary>
internal sealed record ApiError(string Error, string Message)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    /// <summary>Every problem found, each on its own, when there are several (an invalid Access group).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Details { get; init; }

    public static IResult Result(int status, string error, string message, IReadOnlyList<Diagnostic>? diagnostics = null) =>
        Results.Json(new ApiError(error, message) { Diagnostics = diagnostics }, statusCode: status);
}
