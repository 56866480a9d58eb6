namespace DockFlare.Agent.State;

/// <summary>The tunnel the master assigned to this agent. <see cref="ToString"/> leaves the token out.</summary>
/// <param name="TunnelId">The Cloudflare tunnel id.</param>
/// <param name="TunnelName">The tunnel's name, for logs and status.</param>
/// <param name="Token">The connector token; persisted (mode 0600) so cloudflared can be brought back without the master.</param>
internal sealed record TunnelAssignment(string TunnelId, string TunnelName, string Token)
{
    /// <inheritdoc />
    public override string ToString() => $"tunnel '{TunnelName}' ({TunnelId})";
}
