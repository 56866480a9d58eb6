using DockFlare.Modules.Access;

namespace DockFlare.Host.Api;

/// <summary>The body of <c>GET /api/v2/access-groups</c>: system groups first, then the stored ones.</summary>
internal sealed record AccessGroupsList(IReadOnlyList<AccessGroupView> Groups);
