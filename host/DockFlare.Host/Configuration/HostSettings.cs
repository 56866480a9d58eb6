using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Serilog.Events;

namespace DockFlare.Host.Configuration;

/// <summary>Settings of the host process itself: where it finds plugins, and how it logs (DATA_DIR belongs to the state store).</summary>
internal sealed class HostSettings : IValidatableObject
{
    /// <summary>The folder holding one sub-folder per plugin; empty means <c>plugins/</c> beside the host.</summary>
    [ConfigurationKeyName("PLUGINS_DIR")]
    public string? PluginsDirectory { get; set; }

    /// <summary>The minimum log level, in the original's words (DEBUG, INFO, WARNING, ERROR) or Serilog's.</summary>
    [ConfigurationKeyName("LOG_LEVEL")]
    public string LogLevel { get; set; } = "INFO";

    /// <summary>How logs are written to the console.</summary>
    [ConfigurationKeyName("LOG_FORMAT")]
    public LogFormat LogFormat { get; set; } = LogFormat.Text;

    public string ResolvedPluginsDirectory => Path.GetFullPath(
        string.IsNullOrWhiteSpace(PluginsDirectory) ? Path.Combine(AppContext.BaseDirectory, "plugins") : PluginsDirectory);

    public LogEventLevel MinimumLevel => LogLevels.TryParse(LogLevel, out var level) ? level : LogEventLevel.Information;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!LogLevels.TryParse(LogLevel, out _))
        {
            yield return new ValidationResult($"LOG_LEVEL '{LogLevel}' is not a level: use TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL.");
        }
    }
}
