namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// The labels on every cloudflared container DockFlare runs. A container is DockFlare's by <see cref="ManagedBy"/>, and
/// belongs to one master or agent by <see cref="Instance"/>; the name alone never decides (see <see cref="CloudflaredRunner"/>).
/// </summary>
internal static class CloudflaredLabels
{
    /// <summary>The label every container DockFlare runs carries; a container without it is never touched.</summary>
    public const string ManagedBy = "managed-by";

    /// <summary>The value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "dockflare";

    /// <summary>The hash of image, token and command the container was created with.</summary>
    public const string ConfigHash = "dockflare.cloudflared.config-hash";

    /// <summary>The network the container was created on; detached when the configured network changes.</summary>
    public const string Network = "dockflare.cloudflared.network";

    /// <summary>The Cloudflare id of the tunnel the container runs.</summary>
    public const string TunnelId = "dockflare.cloudflared.tunnel-id";

    /// <summary>
    /// The owner: the id of the DockFlare master instance (state store setting <c>instance.id</c>) or of the agent that runs
    /// the container.
    /// </summary>
    public const string Instance = "dockflare.cloudflared.instance";

    /// <summary>
    /// When the container was created (UTC, round-trip format, so it sorts as text): when two of an owner's containers fit
    /// (after a replacement whose old container could not be removed), the last one deployed is kept.
    /// </summary>
    public const string DeployedAt = "dockflare.cloudflared.deployed-at";

    /// <summary>On an agent's container: the agent id (as well as in <see cref="Instance"/>), for people reading <c>docker ps</c>.</summary>
    public const string AgentId = "dockflare.agent.id";
}
