namespace DockFlare.Agent.Cloudflared;

/// <summary>What this agent's cloudflared should run. <see cref="ToString"/> leaves the token out.</summary>
/// <param name="TunnelId">The Cloudflare tunnel id (a UUID).</param>
/// <param name="TunnelName">The tunnel's name, for logs and status only.</param>
/// <param name="Token">The connector token; only ever put into the container's <c>TUNNEL_TOKEN</c>.</param>
/// <param name="Image">The cloudflared image reference (<c>CLOUDFLARED_IMAGE</c>, or an <c>update_image</c> command's).</param>
internal sealed record CloudflaredDesired(string TunnelId, string TunnelName, string Token, string Image)
{
    /// <inheritdoc />
    public override string ToString() => $"tunnel '{TunnelName}' ({TunnelId}) with image {Image}";
}
