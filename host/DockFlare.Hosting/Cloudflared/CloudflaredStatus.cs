namespace DockFlare.Hosting.Cloudflared;

/// <summary>What a cloudflared pass last found, for a status endpoint, a report or the UI. Never holds the token.</summary>
/// <param name="State">What was found.</param>
/// <param name="ContainerName">The name of the container that runs (or would run) the tunnel, once it is known.</param>
/// <param name="ContainerId">The container id, when one exists (a failed pass may leave the previous one running).</param>
/// <param name="LastError">Why the last pass did not end <see cref="CloudflaredState.Running"/>, or null.</param>
/// <param name="LastChanges">What the last pass changed.</param>
/// <param name="CheckedAt">When the last pass ended; null before the first, and in the runner's own answers.</param>
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
    /// Names of cloudflared containers the same owner ran for another tunnel (left over after <c>TUNNEL_NAME</c> changed);
    /// they are reported, never removed automatically. Empty when none were found or they could not be listed.
    /// </summary>
    public IReadOnlyList<string> Leftovers { get; init; } = [];

    /// <summary>
    /// With <see cref="CloudflaredState.Conflict"/>: the owner id (instance or agent) of the other DockFlare that runs the
    /// container of the same name; null when the container was not created by DockFlare at all.
    /// </summary>
    public string? OtherInstance { get; init; }

    /// <summary>The image the container was created from, when one exists.</summary>
    public string? Image { get; init; }

    /// <summary>The tunnel id the container runs (its label), when one exists.</summary>
    public string? TunnelId { get; init; }
}
