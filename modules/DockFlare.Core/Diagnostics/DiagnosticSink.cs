namespace DockFlare.Core.Diagnostics;

/// <summary>Collects the diagnostics of one source (a container or a manual rule), stamped with who it is.</summary>
internal sealed class DiagnosticSink(List<Diagnostic> target, string? source, string? containerId, string? host)
{
    public int ErrorCount { get; private set; }

    public void Add(DiagnosticSeverity severity, string code, string? label, string message)
    {
        if (severity == DiagnosticSeverity.Error)
        {
            ErrorCount++;
        }

        target.Add(new Diagnostic(severity, code, source, label, message) { ContainerId = containerId, Host = host });
    }

    public void Error(string code, string? label, string message) => Add(DiagnosticSeverity.Error, code, label, message);

    public void Warning(string code, string? label, string message) => Add(DiagnosticSeverity.Warning, code, label, message);

    public void Info(string code, string? label, string message) => Add(DiagnosticSeverity.Info, code, label, message);
}
