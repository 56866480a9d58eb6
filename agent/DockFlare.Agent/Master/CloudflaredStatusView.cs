using DockFlare.Agent.Cloudflared;

namespace DockFlare.Agent.Master;

/// <summary>The agent's cloudflared as the master and <c>/health</c> see it; never holds the token.</summary>
internal sealed record CloudflaredStatusView(string State, string? ContainerName, string? Image, string? TunnelId, string? Error)
{
    /// <summary>The state before anything was checked, or when no tunnel is assigned.</summary>
    public static readonly CloudflaredStatusView None = new("none", null, null, null, null);

    public static CloudflaredStatusView From(CloudflaredReport report) =>
        new(report.State, report.ContainerName, report.Image, report.TunnelId, report.Error);
}
