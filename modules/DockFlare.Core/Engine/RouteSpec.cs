using DockFlare.Core.Access;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Engine;

/// <summary>A validated, owned route: what one ingress rule, its DNS record and its Access app come from.</summary>
/// <param name="Key">Hostname and emitted path expression.</param>
/// <param name="Service">The normalised origin service.</param>
/// <param name="ServiceKind">The kind of service.</param>
/// <param name="OriginRequest">Origin options (http(s) services only), or null.</param>
/// <param name="Zone">The zone of the hostname; null when zones were not given.</param>
/// <param name="Tunnel">The tunnel it is published on.</param>
/// <param name="Source">The container or manual rule it came from.</param>
/// <param name="Access">The Access intent for the route.</param>
/// <param name="PendingDeletion">True when the container is stopped and inside its grace period.</param>
public sealed record RouteSpec(
    RouteKey Key,
    string Service,
    ServiceKind ServiceKind,
    OriginRequest? OriginRequest,
    string? Zone,
    string Tunnel,
    RouteSource Source,
    AccessIntent Access,
    bool PendingDeletion)
{
    /// <summary>The normalised hostname.</summary>
    public string Hostname => Key.Hostname;

    /// <summary>The path expression written into the ingress rule, or null.</summary>
    public string? Path => Key.Path.Length == 0 ? null : Key.Path;

    /// <summary>The path as the user wrote it, or null.</summary>
    public string? PathAsWritten { get; init; }

    /// <summary>The ingress rule for this route.</summary>
    public IngressRule ToIngressRule() => new(Hostname, Path, Service, OriginRequest);
}
