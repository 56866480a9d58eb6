namespace DockFlare.Modules.Tunnels;

/// <summary>The supervisor's last finding, for a status endpoint or the UI. Never holds the token.</summary>
/// <param name="State">What was found.</param>
/// <param name="ContainerName">The container name, once the tunnel is known.</param>
/// <param name="ContainerId">The container id, when one exists (a failed pass may leave the previous one running).</param>
/// <param name="LastError">Why the last pass did not end <see cref="CloudflaredState.Running"/>, or null.</param>
/// <param name="LastChanges">What the last pass changed.</param>
/// <param name="CheckedAt">When the last pass ended; null before the first.</param>
internal sealed record CloudflaredStatus(
    CloudflaredState State,
    string? ContainerName,
    string? ContainerId,
    string? LastError,
    CloudflaredChanges LastChanges,
    DateTimeOffset? CheckedAt)
{
    /// <summary>The status before the first pass.</summary>
    public static CloudflaredStatus Initial { get; } = new(CloudflaredState.Unknown, null, null, null, CloudflaredChanges.None, null);

    /// <summary>
    /// Names of cloudflared containers DockFlare ran for another tunnel (left over after <c>TUNNEL_NAME</c> changed);
    /// they are reported, never removed automatically. Empty when none were found or they could not be listed.
    /// </summary>
    public IReadOnlyList<string> Leftovers { get; init; } = [];

    /// <summary>
    /// With <see cref="CloudflaredState.Conflict"/>: the id of the other DockFlare instance that runs the container of
    /// the same name; null when the container was not created by DockFlare at all.
    /// </summary>
    public string? OtherInstance { get; init; }
}
