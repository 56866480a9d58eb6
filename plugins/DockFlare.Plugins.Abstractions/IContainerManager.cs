namespace DockFlare.Plugins.Abstractions;

/// <summary>
/// Runs the containers DockFlare itself owns on one host, such as the master's cloudflared (the Docker
/// provider implements it). Callers decide what to change; every method is one engine operation.
/// </summary>
/// <remarks>
/// Every method throws <see cref="ContainerRuntimeUnavailableException"/> when the engine cannot be
/// reached, and <see cref="ContainerOperationException"/> when it answers with a refusal (a name in use,
/// an image that is not present, a network that no longer exists...).
/// </remarks>
public interface IContainerManager
{
    /// <summary>Finds the network named <paramref name="name"/>, creating it (a bridge network) when missing.</summary>
    /// <param name="name">The exact network name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The network's id.</returns>
    Task<string> EnsureNetworkAsync(string name, CancellationToken cancellationToken);

    /// <summary>The id of the network named exactly <paramref name="name"/>, or null when there is none.</summary>
    /// <param name="name">The exact network name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string?> FindNetworkAsync(string name, CancellationToken cancellationToken);

    /// <summary>The container named exactly <paramref name="name"/>, or null when there is none.</summary>
    /// <param name="name">The container name, without Docker's leading slash.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<ManagedContainerInfo?> InspectContainerAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure the image <paramref name="image"/> is present on the engine: an image already present costs one
    /// look-up and nothing else; a missing one is pulled (anonymously). A reference without a tag means
    /// <c>latest</c>; a digest (<c>name@sha256:...</c>) is pulled by digest.
    /// </summary>
    /// <param name="image">An image reference, such as <c>cloudflare/cloudflared:latest</c>.</param>
    /// <param name="cancellationToken">Cancels the call (and a pull in progress).</param>
    /// <exception cref="ContainerOperationException">
    /// The image is missing and could not be pulled; the message names the image and the engine's error.
    /// </exception>
    /// <remarks>Added in contract 1.3.</remarks>
    Task EnsureImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Creates (but does not start) a container from <paramref name="spec"/>, with restart policy <c>unless-stopped</c>.</summary>
    /// <param name="spec">What to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new container's id.</returns>
    Task<string> CreateContainerAsync(ManagedContainerSpec spec, CancellationToken cancellationToken);

    /// <summary>Starts a container; starting a running container is not an error.</summary>
    /// <param name="containerId">The container id or name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task StartContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Stops (with a short grace period) and removes a container; a container that is already gone is not an error.</summary>
    /// <param name="containerId">The container id or name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken);

    /// <summary>Attaches a container to a network.</summary>
    /// <param name="networkId">The network id or name.</param>
    /// <param name="containerId">The container id or name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ConnectNetworkAsync(string networkId, string containerId, CancellationToken cancellationToken);

    /// <summary>Detaches a container from a network.</summary>
    /// <param name="networkId">The network id or name.</param>
    /// <param name="containerId">The container id or name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DisconnectNetworkAsync(string networkId, string containerId, CancellationToken cancellationToken);
}
