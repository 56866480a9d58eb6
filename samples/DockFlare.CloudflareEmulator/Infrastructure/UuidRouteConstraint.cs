namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>Route constraint <c>cfuuid</c>: a 36-character UUID. A mismatch falls through to the 7003 fallback.</summary>
internal sealed class UuidRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Ids.IsUuid(value as string);
}
