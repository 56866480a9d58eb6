using System.ComponentModel.DataAnnotations;
using DockFlare.Core.Docker;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Agent;

/// <summary>The agent's settings: the same environment variables as the original DockFlare agent.</summary>
internal sealed class AgentSettings : IValidatableObject
{
    [ConfigurationKeyName("DOCKFLARE_MASTER_URL")]
    public string? MasterUrl { get; set; }

    [ConfigurationKeyName("DOCKFLARE_API_KEY")]
    public string? ApiKey { get; set; }

    [ConfigurationKeyName("DOCKER_HOST")]
    public string DockerHost { get; set; } = "unix:///var/run/docker.sock";

    [ConfigurationKeyName("CLOUDFLARED_IMAGE")]
    public string CloudflaredImage { get; set; } = "cloudflare/cloudflared:latest";

    [ConfigurationKeyName("CLOUDFLARED_NETWORK_NAME")]
    public string CloudflaredNetworkName { get; set; } = "cloudflare-net";

    [ConfigurationKeyName("AGENT_DISPLAY_NAME")]
    [MaxLength(64, ErrorMessage = "AGENT_DISPLAY_NAME must be at most {1} characters.")]
    public string? DisplayName { get; set; }

    [ConfigurationKeyName("DATA_DIR")]
    public string DataDirectory { get; set; } = "/app/data";

    public Uri MasterUri => new(MasterUrl!, UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(MasterUrl))
        {
            yield return new ValidationResult("DOCKFLARE_MASTER_URL is required: the master's URL, such as https://dockflare.example.com.");
        }
        else if (!Uri.TryCreate(MasterUrl, UriKind.Absolute, out var master) || master.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"DOCKFLARE_MASTER_URL '{MasterUrl}' is not an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("DOCKFLARE_API_KEY is required: the agent key generated on the master.");
        }

        if (!Uri.TryCreate(DockerHost, UriKind.Absolute, out var docker) || docker.Scheme is not ("unix" or "tcp" or "npipe"))
        {
            yield return new ValidationResult($"DOCKER_HOST '{DockerHost}' is not a Docker endpoint: use unix:///path/to/docker.sock or tcp://host:port.");
        }

        if (!DockerNames.IsImageReference(CloudflaredImage))
        {
            yield return new ValidationResult($"CLOUDFLARED_IMAGE '{CloudflaredImage}' is not an image reference (name[:tag][@sha256:digest]).");
        }

        if (!DockerNames.IsNetworkName(CloudflaredNetworkName))
        {
            yield return new ValidationResult($"CLOUDFLARED_NETWORK_NAME '{CloudflaredNetworkName}' is not a Docker network name (letters, digits, '_', '.', '-').");
        }
    }
}
