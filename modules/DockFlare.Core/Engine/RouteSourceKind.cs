namespace DockFlare.Core.Engine;

/// <summary>Where a route came from.</summary>
public enum RouteSourceKind
{
    /// <summary>A manual rule (UI or API).</summary>
    Manual,

    /// <summary>Labels of a container on a Docker host.</summary>
    Container,
}
