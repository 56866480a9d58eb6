using DockFlare.Hosting.Cloudflared;

namespace DockFlare.Agent.Cloudflared;

/// <summary>How the agent's cloudflared container is run, apart from what the master decides (tunnel, token, image).</summary>
/// <param name="Network">The Docker network it joins (<c>CLOUDFLARED_NETWORK_NAME</c>), created when missing.</param>
internal sealed record CloudflaredControllerOptions(string Network)
{
    /// <summary>cloudflared's arguments; tests replace them with a stand-in's. The token is never one of them.</summary>
    public IReadOnlyList<string> Command { get; init; } = CloudflaredTarget.DefaultCommand;

    /// <summary>How long a replacement must keep running before the old container is removed (B29).</summary>
    public TimeSpan SettleDelay { get; init; } = CloudflaredRunner.DefaultSettleDelay;
}
