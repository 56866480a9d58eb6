namespace DockFlare.Agent.Health;

/// <summary>The words of <c>/health</c>'s <c>status</c>.</summary>
internal static class HealthStatus
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";
}
