namespace DockFlare.Plugins.Abstractions;

/// <summary>A container engine on one host (the Docker provider implements it).</summary>
public interface IContainerRuntime
{
    /// <summary>
    /// Lists containers that carry at least one of <paramref name="anyOfLabelKeys"/>
    /// (every container when the list is empty).
    /// </summary>
    /// <param name="anyOfLabelKeys">Label keys, such as <c>dockflare.enable</c>; a container needs one of them.</param>
    /// <param name="includeStopped">Whether stopped containers are listed too.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ContainerRuntimeUnavailableException">The engine cannot be reached.</exception>
    Task<IReadOnlyList<ContainerSnapshot>> ListContainersAsync(
        IReadOnlyCollection<string> anyOfLabelKeys,
        bool includeStopped,
        CancellationToken cancellationToken);
}
