using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Modules.State;

/// <summary>Settings of the state store.</summary>
public sealed class StateOptions
{
    /// <summary>The data directory; the embedded store keeps its files in its <c>state</c> sub-folder.</summary>
    [ConfigurationKeyName("DATA_DIR")]
    [Required(AllowEmptyStrings = false, ErrorMessage = "DATA_DIR must name a folder.")]
    public string DataDirectory { get; set; } = "data";

    /// <summary>How many of the newest change-log entries are kept.</summary>
    [ConfigurationKeyName("STATE_CHANGE_LOG_MAX_LENGTH")]
    [Range(10, 1_000_000, ErrorMessage = "STATE_CHANGE_LOG_MAX_LENGTH must be between {1} and {2}.")]
    public int ChangeLogMaxLength { get; set; } = 10_000;

    /// <summary>The folder of the embedded store's files.</summary>
    public string StateDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "state");
}
