namespace DockFlare.Core.Engine;

/// <summary>The origin of one route: which container (or manual rule) and which label set.</summary>
/// <param name="Kind">Manual rule or container.</param>
/// <param name="Id">The container id or the manual rule id.</param>
/// <param name="Name">The container name, or <c>manual:&lt;id&gt;</c>.</param>
/// <param name="Host">The Docker host of the container; null for manual rules.</param>
/// <param name="Index">The label index (<c>dockflare.N.*</c>); null for the base labels or a manual rule.</param>
public sealed record RouteSource(RouteSourceKind Kind, string Id, string Name, string? Host, int? Index)
{
    /// <summary>
    /// A stable owner identity: host and container name (these survive a re-create, unlike
    /// the id), or the manual rule id.
    /// </summary>
    public string OwnerKey => Kind == RouteSourceKind.Manual ? "manual/" + Id : (Host ?? "") + "/" + Name;

    /// <summary>A short human description: <c>container 'web' on host 'h1' (dockflare.1.*)</c>.</summary>
    public string Describe() => Kind == RouteSourceKind.Manual
        ? $"manual rule '{Id}'"
        : $"container '{Name}'{(Host is null ? "" : $" on host '{Host}'")}{(Index is null ? "" : $" (index {Index})")}";
}
