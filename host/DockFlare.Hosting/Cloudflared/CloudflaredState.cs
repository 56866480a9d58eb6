namespace DockFlare.Hosting.Cloudflared;

/// <summary>What a cloudflared pass (or a status look-up) found.</summary>
internal enum CloudflaredState
{
    /// <summary>Not checked yet.</summary>
    Unknown,

    /// <summary>Not supervised: external mode, Cloudflare not configured, or no Docker provider.</summary>
    Disabled,

    /// <summary>The container runs as configured.</summary>
    Running,

    /// <summary>
    /// A container with one of the expected names exists but DockFlare did not create it, or another DockFlare instance
    /// (or agent) runs it; it is left alone.
    /// </summary>
    Conflict,

    /// <summary>The Docker engine cannot be reached; retried on the next pass.</summary>
    DockerUnavailable,

    /// <summary>
    /// The engine or Cloudflare refused something (an image that is missing and cannot be pulled, a replacement that
    /// did not keep running, a removal a socket proxy forbids...); retried on the next pass. A container already
    /// running is left running.
    /// </summary>
    Failed,

    /// <summary>A status look-up found the container, stopped.</summary>
    Stopped,

    /// <summary>A status look-up found no container (or it was just removed).</summary>
    Missing,
}
