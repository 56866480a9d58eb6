namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A newly created tunnel and the connector token Cloudflare returned with it.</summary>
/// <param name="Tunnel">The tunnel.</param>
/// <param name="Token">The connector token; <see langword="null"/> if the response did not carry one (read it with <see cref="ICloudflareTunnels.GetTunnelTokenAsync"/>).</param>
public sealed record TunnelCreation(CloudflareTunnel Tunnel, TunnelToken? Token);
