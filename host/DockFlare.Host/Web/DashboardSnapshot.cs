namespace DockFlare.Host.Web;

/// <summary>What the dashboard shows at one moment; <see cref="Version"/> changes exactly when the content does.</summary>
internal sealed record DashboardSnapshot(
    IReadOnlyList<DashboardRow> Routes,
    IReadOnlyList<string> Findings,
    string? LastReconcile,
    bool IsSandbox,
    string Version);
