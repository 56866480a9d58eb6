namespace DockFlare.Plugins.Abstractions;

/// <summary>A container for <see cref="IContainerManager.CreateContainerAsync"/> to create.</summary>
/// <param name="Name">The container name (<c>[a-zA-Z0-9][a-zA-Z0-9_.-]*</c>).</param>
/// <param name="Image">The image reference; it must already be present on the engine (nothing is pulled).</param>
/// <param name="Command">The command arguments passed to the image's entry point.</param>
/// <param name="Environment">Environment variables; the place for secrets such as a tunnel token (never the command).</param>
/// <param name="Labels">Labels of the container.</param>
/// <param name="Network">The network (name or id) the container is attached to at creation.</param>
public sealed record ManagedContainerSpec(
    string Name,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, string> Labels,
    string Network)
{
    /// <summary>
    /// The logging driver (for example <c>json-file</c>), or null for the engine's default driver.
    /// </summary>
    public string? LogDriver { get; init; }

    /// <summary>
    /// Options of the logging driver (for example <c>max-size</c> and <c>max-file</c>), or null for the engine's defaults.
    /// </summary>
    public IReadOnlyDictionary<string, string>? LogOptions { get; init; }

    /// <summary>Leaves the environment out: it may hold secrets.</summary>
    /// <returns>The name, image and network.</returns>
    public override string ToString() => $"container '{Name}' ({Image}) on network '{Network}'";
}
