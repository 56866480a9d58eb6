namespace DockFlare.Agent.Cloudflared;

/// <summary>
/// Runs this agent's one cloudflared container on the local engine. The agent's command loop and its supervision
/// timer call it; it holds no state of its own beyond what the engine shows (desired state is persisted by the caller).
/// </summary>
/// <remarks>
/// Every method is idempotent and safe to call again after a failure. None throws for an engine that cannot be reached
/// or refuses: the answer says so (<see cref="CloudflaredReport.State"/> <c>docker_unavailable</c> or <c>failed</c>,
/// with <see cref="CloudflaredReport.Error"/>). <see cref="CloudflaredTokenException"/> is the one exception: the token
/// is unusable (B33), so nothing was created.
/// </remarks>
internal interface ICloudflaredController
{
    /// <summary>
    /// Makes the container run <paramref name="desired"/>: created when missing, started when stopped, replaced when its
    /// image, token, tunnel or network differ (create new, check it runs, then remove the old: B29). No engine change when
    /// it already matches.
    /// </summary>
    /// <exception cref="CloudflaredTokenException">The token does not decode or names another tunnel.</exception>
    Task<CloudflaredReport> EnsureAsync(CloudflaredDesired desired, CancellationToken cancellationToken);

    /// <summary>Replaces the container even when it matches (redeploy), create-new → verify → remove-old.</summary>
    /// <exception cref="CloudflaredTokenException">The token does not decode or names another tunnel.</exception>
    Task<CloudflaredReport> RedeployAsync(CloudflaredDesired desired, CancellationToken cancellationToken);

    /// <summary>Stops and removes this agent's cloudflared container(s); nothing to do is not an error.</summary>
    Task<CloudflaredReport> RemoveAsync(CancellationToken cancellationToken);

    /// <summary>What runs now (one inspect), for heartbeats and <c>/health</c>.</summary>
    Task<CloudflaredReport> GetStatusAsync(CancellationToken cancellationToken);
}
