namespace DockFlare.Hosting.Cloudflared;

/// <summary>
/// What one cloudflared container should run, and who owns it. <see cref="ToString"/> leaves the token out.
/// </summary>
/// <param name="ContainerName">
/// The container name (its first slot; see <see cref="CloudflaredContainerName"/>): the master derives it from its tunnel
/// name, an agent from its agent id.
/// </param>
/// <param name="TunnelId">The Cloudflare tunnel id; the token must name it (B33) and the container is labelled with it.</param>
/// <param name="Token">The connector token; only ever put into the container's <c>TUNNEL_TOKEN</c>.</param>
/// <param name="Image">The cloudflared image reference.</param>
/// <param name="Network">The Docker network the container joins (created when missing).</param>
/// <param name="InstanceId">The owner: the master's instance id or the agent's id (label <see cref="CloudflaredLabels.Instance"/>).</param>
internal sealed record CloudflaredTarget(
    string ContainerName, string TunnelId, string Token, string Image, string Network, string InstanceId)
{
    /// <summary>cloudflared's arguments: a remotely managed tunnel, run by token from the environment.</summary>
    public static IReadOnlyList<string> DefaultCommand { get; } = ["tunnel", "--no-autoupdate", "run"];

    /// <summary>The command arguments; tests replace them with a stand-in's (the token is never one of them).</summary>
    public IReadOnlyList<string> Command { get; init; } = DefaultCommand;

    /// <summary>Labels added to the managed ones (such as <see cref="CloudflaredLabels.AgentId"/>); never a secret.</summary>
    public IReadOnlyDictionary<string, string> ExtraLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"cloudflared '{ContainerName}' for tunnel {TunnelId} with image {Image} on network '{Network}'";
}
