namespace DockFlare.Plugins.Abstractions;

/// <summary>The outcome of a <see cref="IReadinessProbe"/>.</summary>
/// <param name="Status">Whether the dependency is usable.</param>
/// <param name="Detail">A short explanation a user can act on; never a secret.</param>
public sealed record ReadinessResult(ReadinessStatus Status, string Detail)
{
    /// <summary>The dependency is reachable and usable.</summary>
    public static ReadinessResult Ready(string detail) => new(ReadinessStatus.Ready, detail);

    /// <summary>The dependency works partly, or is not configured yet.</summary>
    public static ReadinessResult Degraded(string detail) => new(ReadinessStatus.Degraded, detail);

    /// <summary>The dependency cannot be used.</summary>
    public static ReadinessResult Unavailable(string detail) => new(ReadinessStatus.Unavailable, detail);
}
