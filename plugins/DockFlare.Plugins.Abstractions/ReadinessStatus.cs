namespace DockFlare.Plugins.Abstractions;

/// <summary>How usable a dependency is.</summary>
public enum ReadinessStatus
{
    /// <summary>Reachable and usable.</summary>
    Ready,

    /// <summary>Usable in part, or not configured.</summary>
    Degraded,

    /// <summary>Not usable.</summary>
    Unavailable,
}
