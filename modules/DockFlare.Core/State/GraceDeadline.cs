namespace DockFlare.Core.State;

/// <summary>When the routes of a stopped container are due for deletion (the grace period).</summary>
/// <param name="OwnerKey">What the deadline is for: a route owner key such as <c>host/container-name</c>.</param>
/// <param name="Source">The route source the owner belongs to.</param>
/// <param name="DeleteAt">When the routes may be deleted if the owner has not come back.</param>
public sealed record GraceDeadline(string OwnerKey, RouteSourceKey Source, DateTimeOffset DeleteAt);
