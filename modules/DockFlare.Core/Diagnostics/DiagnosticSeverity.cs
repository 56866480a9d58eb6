namespace DockFlare.Core.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; nothing was dropped.</summary>
    Info,

    /// <summary>Probably a mistake; the engine went on with a documented interpretation.</summary>
    Warning,

    /// <summary>A route (or an index of one) was not published because of this problem.</summary>
    Error,
}
