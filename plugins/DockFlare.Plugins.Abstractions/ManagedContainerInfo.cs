namespace DockFlare.Plugins.Abstractions;

/// <summary>A container as <see cref="IContainerManager.InspectContainerAsync"/> found it. It never carries the environment.</summary>
/// <param name="Id">The full container id.</param>
/// <param name="Name">The container name, without Docker's leading slash.</param>
/// <param name="Image">The image reference the container was created from.</param>
/// <param name="State">The engine's state word: <c>running</c>, <c>exited</c>, <c>created</c>...</param>
/// <param name="Labels">All labels of the container.</param>
/// <param name="Networks">The networks the container is attached to, by name and id.</param>
/// <param name="RestartPolicy">Docker's restart policy word (<c>no</c>, <c>always</c>, <c>on-failure</c>, <c>unless-stopped</c>), or empty.</param>
public sealed record ManagedContainerInfo(
    string Id,
    string Name,
    string Image,
    string State,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<ContainerNetworkAttachment> Networks,
    string RestartPolicy)
{
    /// <summary>Whether the engine reports the container as running.</summary>
    public bool IsRunning => string.Equals(State, "running", StringComparison.OrdinalIgnoreCase);
}
