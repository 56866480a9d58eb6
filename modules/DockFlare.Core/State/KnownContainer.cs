using DockFlare.Core.Engine;

namespace DockFlare.Core.State;

/// <summary>
/// One labelled container of a source, as last seen. Kept after the container stops or is removed
/// until its grace period ends, so its routes stay live meanwhile (B14).
/// </summary>
/// <param name="Container">The container as the engine reads it; its state says whether it runs.</param>
public sealed record KnownContainer(ContainerInput Container)
{
    /// <summary>Whether the container still exists on its host (false once it was removed).</summary>
    public bool Present { get; init; } = true;

    /// <summary>
    /// Whether its grace period ended while it was stopped: its routes are gone and it stays out of
    /// the desired state until it runs again.
    /// </summary>
    public bool Expired { get; init; }

    /// <summary>The route owner key (<c>host/name</c>) its routes and grace deadline are filed under.</summary>
    public string OwnerKey => Container.Host + "/" + Container.Name;
}
