namespace DockFlare.Modules.Agents;

/// <summary>
/// A tunnel DockFlare created for an agent that was then enrolled on another tunnel: the
/// <c>agents-finish-removals</c> job deletes it once no ingress rule of ours is left on it and no connector
/// is attached (never with cascade: a connector still attached means something still serves it).
/// </summary>
/// <param name="TunnelId">The Cloudflare tunnel id.</param>
/// <param name="TunnelName">Its name, for the log.</param>
/// <param name="AgentId">The agent it was created for.</param>
/// <param name="RetiredAt">When the agent moved off it (master clock).</param>
internal sealed record RetiredTunnel(string TunnelId, string TunnelName, string AgentId, DateTimeOffset RetiredAt);
