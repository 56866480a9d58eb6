using DockFlare.Modules.Agents;

namespace DockFlare.Host.Web.Agents;

/// <summary>One agent as the Agents pages show it: liveness, last heartbeat, tunnel and cloudflared in words.</summary>
/// <param name="View">The registry's view of the agent.</param>
/// <param name="Now">The master's clock when the page was made.</param>
internal sealed record AgentRow(AgentView View, DateTimeOffset Now)
{
    public AgentRecord Agent => View.Agent;

    public string Liveness => View.Liveness.ToString().ToLowerInvariant();

    /// <summary>
    /// When the last heartbeat arrived: from the heartbeat key while it lives, else from the last cloudflared status
    /// (sent with every heartbeat of a current agent); null when neither is known.
    /// </summary>
    public DateTimeOffset? LastHeartbeatAt => View.SecondsSinceHeartbeat is { } seconds ? Now.AddSeconds(-seconds) : View.Cloudflared?.ReportedAt;

    public string LastHeartbeatAgo => LastHeartbeatAt is { } at ? RelativeTime.Ago(Now - at) : "never";

    public string Tunnel => Agent.TunnelName is { } name ? $"{name} ({Agent.TunnelId})" : Agent.TunnelId ?? "none";

    /// <summary>The cloudflared state the agent last reported, with its error when it gave one.</summary>
    public string Cloudflared => View.Cloudflared is { } status
        ? status.State + (string.IsNullOrEmpty(status.Error) ? "" : ": " + status.Error)
        : "not reported";
}
