using System.ComponentModel.DataAnnotations;
using DockFlare.Core.Docker;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Agent;

/// <summary>The agent's settings: the same environment variables as the original DockFlare agent, plus <c>DATA_DIR</c>.</summary>
internal sealed class AgentSettings : IValidatableObject
{
    /// <summary>The <c>LOG_LEVEL</c> words the agent understands (any case); <c>warn</c> and <c>information</c> are aliases.</summary>
    public static readonly IReadOnlyDictionary<string, LogLevel> LogLevels = new Dictionary<string, LogLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["debug"] = LogLevel.Debug,
        ["info"] = LogLevel.Information,
        ["information"] = LogLevel.Information,
        ["warning"] = LogLevel.Warning,
        ["warn"] = LogLevel.Warning,
        ["error"] = LogLevel.Error,
    };

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
    public string? DisplayName { get; set; }

    [ConfigurationKeyName("DATA_DIR")]
    public string DataDirectory { get; set; } = "/app/data";

    /// <summary>The port of <c>/health</c> on every interface; 0 switches it off.</summary>
    [ConfigurationKeyName("HEALTH_CHECK_PORT")]
    public int HealthCheckPort { get; set; } = 8080;

    [ConfigurationKeyName("LOG_LEVEL")]
    public string LogLevelName { get; set; } = "info";

    /// <summary>
    /// The time zone of log timestamps (the runtime reads <c>TZ</c> itself; an unknown zone falls back to UTC). Unset, logs
    /// are in UTC; set, they carry local time with its offset.
    /// </summary>
    [ConfigurationKeyName("TZ")]
    public string? TimeZone { get; set; }

    public Uri MasterUri => new(MasterUrl!, UriKind.Absolute);

    /// <summary>The minimum level of log entries, from <see cref="LogLevelName"/>.</summary>
    public LogLevel MinimumLogLevel => LogLevels[LogLevelName.Trim()];

    /// <summary>
    /// The public key id of <c>dfa_&lt;keyId&gt;_&lt;secret&gt;</c>, the only part of the key that may be logged;
    /// null when the key does not have that shape.
    /// </summary>
    public string? ApiKeyId
    {
        get
        {
            var parts = ApiKey?.Trim().Split('_');
            return parts is ["dfa", { Length: > 0 } keyId, { Length: > 0 }] ? keyId : null;
        }
    }

    // Every rule is checked here rather than with attributes: the validator skips Validate when an attribute fails, and
    // every bad setting must be reported at once.
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
        else if (master.UserInfo.Length > 0)
        {
            // Not echoed: it holds a password. The agent authenticates with its key; credentials in the URL would be logged.
            yield return new ValidationResult("DOCKFLARE_MASTER_URL must not contain a user name or password: the agent authenticates with DOCKFLARE_API_KEY.");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return new ValidationResult("DOCKFLARE_API_KEY is required: the agent key generated on the master.");
        }
        else if (ApiKey.Trim().Any(c => c is < '!' or > '~'))
        {
            // Never echoed: a key pasted with a line break or a space inside would otherwise fail on every request.
            yield return new ValidationResult(
                "DOCKFLARE_API_KEY contains a space, a line break or a character outside printable ASCII: set it to the key alone, exactly as the master showed it (dfa_<keyId>_<secret>).");
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

        if (DisplayName?.Trim().Length > 64)
        {
            yield return new ValidationResult("AGENT_DISPLAY_NAME must be at most 64 characters.");
        }

        if (HealthCheckPort is < 0 or > 65535)
        {
            yield return new ValidationResult("HEALTH_CHECK_PORT must be a port from 1 to 65535, or 0 to switch /health off.");
        }

        if (!LogLevels.ContainsKey(LogLevelName.Trim()))
        {
            yield return new ValidationResult($"LOG_LEVEL '{LogLevelName}' is not a level: use debug, info, warning or error.");
        }

        if (string.IsNullOrWhiteSpace(DataDirectory) || !Path.IsPathFullyQualified(DataDirectory))
        {
            yield return new ValidationResult($"DATA_DIR '{DataDirectory}' is not an absolute directory path, such as /app/data.");
        }
    }
}
