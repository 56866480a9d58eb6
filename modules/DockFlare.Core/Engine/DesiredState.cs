using DockFlare.Core.Access;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Engine;

/// <summary>The engine's whole answer for one input. Every list is in a deterministic order.</summary>
/// <param name="Routes">Published routes, by tunnel and then in ingress order.</param>
/// <param name="Ingress">One ingress document per tunnel, ordered by tunnel key.</param>
/// <param name="Hostnames">The zone and tunnel of every published hostname (one DNS record each).</param>
/// <param name="Access">The Access intent of every published route.</param>
/// <param name="Diagnostics">Findings: engine-wide ones first, then grouped by source (container name, host, id), each source's in the order found.</param>
public sealed record DesiredState(
    IReadOnlyList<RouteSpec> Routes,
    IReadOnlyList<IngressDocument> Ingress,
    IReadOnlyList<HostnameAssignment> Hostnames,
    IReadOnlyList<AccessIntent> Access,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    // Built on demand: a fleet-sized map is a large-object-heap allocation most callers never need.
    private Dictionary<RouteKey, string>? _owners;

    /// <summary>
    /// The owner (<see cref="RouteSource.OwnerKey"/>) of every published route; pass it back as
    /// <see cref="EngineInput.PriorOwners"/> so that contested routes never change hands on a restart.
    /// Built on first use.
    /// </summary>
    public IReadOnlyDictionary<RouteKey, string> Owners => _owners ??= Routes.ToDictionary(r => r.Key, r => r.Source.OwnerKey);

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
