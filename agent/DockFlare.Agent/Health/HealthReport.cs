using System.Text.Json.Serialization;
using DockFlare.Agent.Master;

namespace DockFlare.Agent.Health;

/// <summary>The body of <c>GET /health</c> (never a secret).</summary>
/// <param name="Status"><c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="AgentId">The agent's id, null before the first registration.</param>
/// <param name="SecondsSinceMasterContact">Seconds since the master last answered; null before its first answer.</param>
/// <param name="MasterReachable">Whether the last call reached the master.</param>
/// <param name="KeyRejected">Whether the master refused the key (the agent then waits for an admin).</param>
/// <param name="Removed">Whether the master removed this agent.</param>
/// <param name="Cloudflared">cloudflared at the last look.</param>
internal sealed record HealthReport(
    string Status,
    string? AgentId,
    long? SecondsSinceMasterContact,
    bool MasterReachable,
    bool KeyRejected,
    bool Removed,
    CloudflaredStatusView Cloudflared)
{
    /// <summary>The HTTP status: 200 when healthy or degraded, 503 when unhealthy.</summary>
    [JsonIgnore]
    public int HttpStatus => Status == HealthStatus.Unhealthy ? 503 : 200;
}
