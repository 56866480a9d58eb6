namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A tunnel's stored configuration and its version.</summary>
/// <param name="TunnelId">The tunnel.</param>
/// <param name="Version">Incremented by every configuration PUT; cloudflared reports the version it runs.</param>
/// <param name="Config">The configuration; empty ingress when none was ever pushed.</param>
/// <param name="Source"><c>cloudflare</c> (remotely managed) or <c>local</c>.</param>
/// <param name="CreatedAt">When this version was stored.</param>
public sealed record TunnelConfiguration(
    string TunnelId,
    int Version,
    TunnelIngressConfiguration Config,
    string? Source,
    DateTimeOffset? CreatedAt);
