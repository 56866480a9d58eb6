namespace DockFlare.Core.Diagnostics;

/// <summary>One finding of the label engine, addressed to the user who wrote the labels.</summary>
/// <param name="Severity">How serious it is; an <see cref="DiagnosticSeverity.Error"/> means something was not published.</param>
/// <param name="Code">A stable code from <see cref="DiagnosticCodes"/>; safe to match on.</param>
/// <param name="Source">The container name (or <c>manual:&lt;id&gt;</c>) the finding is about; null for engine-wide findings.</param>
/// <param name="Label">The full label key involved (for example <c>dockflare.1.hostname</c>), when there is one.</param>
/// <param name="Message">What is wrong and what to write instead.</param>
public sealed record Diagnostic(
    DiagnosticSeverity Severity,
    string Code,
    string? Source,
    string? Label,
    string Message)
{
    /// <summary>The container id, when the finding is about a container.</summary>
    public string? ContainerId { get; init; }

    /// <summary>The Docker host of the container, when the finding is about a container.</summary>
    public string? Host { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {Code}: {(Source is null ? "" : Source + ": ")}{(Label is null ? "" : Label + ": ")}{Message}";
}
