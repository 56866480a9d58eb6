namespace DockFlare.Hosting.Plugins;

/// <summary>Every plugin the host (master or agent) found at start and what became of it.</summary>
internal sealed class PluginCatalog(string directory, IReadOnlyList<PluginStatus> plugins, IReadOnlyCollection<string> required)
{
    /// <summary>The ids of the plugins the master needs to do its job.</summary>
    public IReadOnlyCollection<string> Required { get; } = required;

    public string Directory { get; } = directory;

    public IReadOnlyList<PluginStatus> Plugins { get; } = plugins;

    public IEnumerable<PluginStatus> Unusable => Plugins.Where(p => p.State != PluginState.Loaded);
}
