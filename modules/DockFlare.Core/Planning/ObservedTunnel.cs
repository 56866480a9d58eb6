using DockFlare.Core.Routing;

namespace DockFlare.Core.Planning;

/// <summary>One tunnel as read from Cloudflare: its id and its current ingress rules in order.</summary>
/// <param name="Tunnel">The tunnel key the engine uses (the tunnel name).</param>
/// <param name="TunnelId">The Cloudflare tunnel id; DNS records point at <c>&lt;id&gt;.cfargotunnel.com</c>.</param>
/// <param name="Ingress">
/// The live ingress rules in order. Rules DockFlare does not own are sent back unchanged; the
/// <see cref="PlannedIngressRule.ObservedIndex"/> of a kept rule points into this list so that the
/// applier can resend the rule exactly as read, fields this model does not know included.
/// </param>
public sealed record ObservedTunnel(string Tunnel, string TunnelId, IReadOnlyList<IngressRule> Ingress);
