using System.ComponentModel.DataAnnotations;
using DockFlare.Core.Docker;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.Tunnels;

/// <summary>Settings of the master's own tunnel and its cloudflared container.</summary>
public sealed class TunnelsOptions : IValidatableObject
{
    /// <summary>The tunnel name; empty means <c>dockflare-&lt;hostname&gt;</c>.</summary>
    [ConfigurationKeyName("TUNNEL_NAME")]
    [MaxLength(200, ErrorMessage = "TUNNEL_NAME must be at most {1} characters.")]
    public string? TunnelName { get; set; }

    /// <summary>The cloudflared image, by tag or digest.</summary>
    [ConfigurationKeyName("CLOUDFLARED_IMAGE")]
    public string CloudflaredImage { get; set; } = "cloudflare/cloudflared:latest";

    /// <summary>The Docker network the cloudflared container joins (created if missing).</summary>
    [ConfigurationKeyName("CLOUDFLARED_NETWORK_NAME")]
    public string CloudflaredNetworkName { get; set; } = "cloudflare-net";

    /// <summary>Whether cloudflared is run by the user rather than by DockFlare.</summary>
    [ConfigurationKeyName("USE_EXTERNAL_CLOUDFLARED")]
    public bool UseExternalCloudflared { get; set; }

    /// <summary>The tunnel id to manage in external mode.</summary>
    [ConfigurationKeyName("EXTERNAL_TUNNEL_ID")]
    public string? ExternalTunnelId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!DockerNames.IsImageReference(CloudflaredImage))
        {
            yield return new ValidationResult(
                $"CLOUDFLARED_IMAGE '{CloudflaredImage}' is not an image reference (name[:tag][@sha256:digest]).");
        }

        if (!DockerNames.IsNetworkName(CloudflaredNetworkName))
        {
            yield return new ValidationResult(
                $"CLOUDFLARED_NETWORK_NAME '{CloudflaredNetworkName}' is not a Docker network name (letters, digits, '_', '.', '-').");
        }

        if (UseExternalCloudflared && !Guid.TryParseExact(ExternalTunnelId, "D", out _))
        {
            yield return new ValidationResult(
                "EXTERNAL_TUNNEL_ID must be the tunnel's UUID when USE_EXTERNAL_CLOUDFLARED is true.");
        }
    }
}
