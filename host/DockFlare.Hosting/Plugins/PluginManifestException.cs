namespace DockFlare.Hosting.Plugins;

/// <summary>A plugin folder's manifest cannot be used; the message says why.</summary>
internal sealed class PluginManifestException : Exception
{
    public PluginManifestException()
    {
    }

    public PluginManifestException(string message)
        : base(message)
    {
    }

    public PluginManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PluginManifestException(string message, string? pluginId)
        : base(message)
    {
        PluginId = pluginId;
    }

    /// <summary>The manifest's id when the manifest was read and its id is valid.</summary>
    public string? PluginId { get; }
}
