namespace DockFlare.Core.Engine;

/// <summary>What the engine needs to know about a container's life.</summary>
public enum ContainerState
{
    /// <summary>The container runs; its routes are live.</summary>
    Running,

    /// <summary>
    /// The container stopped and is still inside its grace period. Its routes stay in the
    /// ingress (marked pending deletion) until the caller stops passing the container in.
    /// </summary>
    Stopped,
}
