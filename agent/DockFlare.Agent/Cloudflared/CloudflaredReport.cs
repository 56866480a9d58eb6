namespace DockFlare.Agent.Cloudflared;

/// <summary>What the agent's cloudflared is doing, as reported to the master and on <c>/health</c>. Never holds the token.</summary>
/// <param name="State"><c>running</c>, <c>stopped</c>, <c>missing</c>, <c>failed</c> or <c>docker_unavailable</c>.</param>
/// <param name="ContainerName">The container name, when one exists.</param>
/// <param name="ContainerId">The container id, when one exists.</param>
/// <param name="Image">The image the container runs, when one exists.</param>
/// <param name="TunnelId">The tunnel id the container runs, when one exists.</param>
/// <param name="Error">Why the last operation did not leave it running as desired; null otherwise.</param>
internal sealed record CloudflaredReport(
    string State, string? ContainerName, string? ContainerId, string? Image, string? TunnelId, string? Error)
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Missing = "missing";
    public const string Failed = "failed";
    public const string DockerUnavailable = "docker_unavailable";
}
