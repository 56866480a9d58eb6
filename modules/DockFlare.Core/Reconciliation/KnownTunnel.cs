namespace DockFlare.Core.Reconciliation;

/// <summary>A tunnel DockFlare may write ingress to.</summary>
/// <param name="Name">The tunnel's name in Cloudflare; the engine and the planner key tunnels by it.</param>
/// <param name="Id">The Cloudflare tunnel id (UUID).</param>
/// <param name="Host">
/// The Docker host whose containers default to this tunnel (<see cref="LocalHost.Name"/> for the
/// master's own tunnel, an agent's host id for an agent tunnel), or null for a tunnel that only
/// manual rules and explicit <c>tunnel</c> labels use.
/// </param>
public sealed record KnownTunnel(string Name, string Id, string? Host);
