namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The non-secret part of a decoded <see cref="TunnelToken"/>.</summary>
/// <param name="AccountTag">The account id the token belongs to (<c>a</c>).</param>
/// <param name="TunnelId">The tunnel id the token runs (<c>t</c>).</param>
/// <param name="Endpoint">The optional edge endpoint (<c>e</c>).</param>
public sealed record TunnelTokenContent(string AccountTag, string TunnelId, string? Endpoint);
