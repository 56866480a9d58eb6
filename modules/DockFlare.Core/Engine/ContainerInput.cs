namespace DockFlare.Core.Engine;

/// <summary>A container as seen on one Docker host (local or agent), with its labels.</summary>
/// <param name="Id">The container id.</param>
/// <param name="Name">The container name, without Docker's leading slash.</param>
/// <param name="Host">The Docker host it runs on; it selects the tunnel (see <see cref="EngineSettings.TunnelByHost"/>).</param>
/// <param name="Labels">All labels of the container.</param>
/// <param name="State">Whether it runs or is stopped within its grace period.</param>
public sealed record ContainerInput(
    string Id,
    string Name,
    string Host,
    IReadOnlyDictionary<string, string> Labels,
    ContainerState State = ContainerState.Running)
{
    /// <summary>
    /// When this container first claimed its routes (its creation time is a good value: it
    /// survives restarts). Used to pick the owner of a contested route; unknown sorts last.
    /// </summary>
    public DateTimeOffset? ClaimedSince { get; init; }
}
