namespace DockFlare.Hosting.Plugins;

/// <summary>One plugin's outcome, as logged at start and shown in <c>/readyz</c>.</summary>
/// <param name="Id">The manifest id, or the folder name when the manifest could not be read.</param>
/// <param name="Path">The plugin folder.</param>
/// <param name="Version">The manifest version, when known.</param>
/// <param name="State">Loaded, broken or missing.</param>
/// <param name="Error">Why it is not loaded.</param>
internal sealed record PluginStatus(string Id, string Path, string? Version, PluginState State, string? Error);
