using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions;

/// <summary>The content of a plugin's <c>plugin.json</c>.</summary>
public sealed record PluginManifest
{
    /// <summary>Stable identifier: lower-case letters, digits, dots and dashes.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The plugin's own version (semantic version).</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>The lowest <see cref="PluginContract.Version"/> the plugin needs, such as <c>1.0</c>.</summary>
    [JsonPropertyName("minContractVersion")]
    public string MinContractVersion { get; init; } = "";

    /// <summary>The plugin's entry assembly, relative to the plugin folder.</summary>
    [JsonPropertyName("entryAssembly")]
    public string EntryAssembly { get; init; } = "";

    /// <summary>A short human description, shown in the UI.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
