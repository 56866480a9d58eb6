namespace DockFlare.Plugins.Abstractions;

/// <summary>One network a container is attached to.</summary>
/// <param name="Name">The network name recorded on the container.</param>
/// <param name="Id">
/// The network id recorded on the container. When a network is removed and created again under the same
/// name, the container still holds the old id and cannot start until it is re-attached or re-created.
/// Empty for a container that was created but never started (the engine resolves the id at first start).
/// </param>
public sealed record ContainerNetworkAttachment(string Name, string Id);
