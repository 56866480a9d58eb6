using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Host.Api;

/// <summary>The desired routes, the hostnames they publish, and the engine's diagnostics.</summary>
internal sealed record DesiredSummary(
    IReadOnlyList<RouteSpec> Routes, IReadOnlyList<HostnameAssignment> Hostnames, IReadOnlyList<Diagnostic> Diagnostics);
