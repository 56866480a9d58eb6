namespace DockFlare.Hosting.Plugins;

/// <summary>What became of a plugin at start.</summary>
internal enum PluginState
{
    /// <summary>Loaded and its services registered.</summary>
    Loaded,

    /// <summary>Found but not usable: bad manifest, wrong contract, load failure or a throwing registrar.</summary>
    Broken,

    /// <summary>A first-party plugin the host expects was not found.</summary>
    Missing,
}
