namespace DockFlare.Host.Plugins;

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
}
