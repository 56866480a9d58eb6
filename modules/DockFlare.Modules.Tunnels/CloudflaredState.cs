namespace DockFlare.Modules.Tunnels;

/// <summary>What the cloudflared supervisor last found.</summary>
internal enum CloudflaredState
{
    /// <summary>Not checked yet.</summary>
    Unknown,

    /// <summary>Not supervised: external mode, Cloudflare not configured, or no Docker provider.</summary>
    Disabled,

    /// <summary>The container runs as configured.</summary>
    Running,

    /// <summary>
    /// A container with the expected name exists but DockFlare did not create it, or another DockFlare instance runs it
    /// (same <c>TUNNEL_NAME</c>); it is left alone.
    /// </summary>
    Conflict,

    /// <summary>The Docker engine cannot be reached; retried on the next pass.</summary>
    DockerUnavailable,

    /// <summary>
    /// The engine or Cloudflare refused something (an image that is missing and cannot be pulled, an unreachable
    /// account...); retried on the next pass. A container already running is left running.
    /// </summary>
    Failed,
}
