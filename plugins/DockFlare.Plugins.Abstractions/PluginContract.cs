namespace DockFlare.Plugins.Abstractions;

/// <summary>The version of the plugin contract that this assembly defines.</summary>
/// <remarks>
/// Raise the minor version when a contract is added, the major version when one changes
/// incompatibly. A plugin whose manifest asks for a newer contract than the host's is not loaded.
/// </remarks>
public static class PluginContract
{
    /// <summary>The contract version implemented by the host that carries this assembly.</summary>
    public static Version Version { get; } = new(1, 3);

    /// <summary>The file name every plugin folder must contain.</summary>
    public const string ManifestFileName = "plugin.json";
}
