namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>Route constraint <c>cfhex</c>: 32 lower-case hex. A mismatch falls through to the 7003 fallback.</summary>
internal sealed class HexIdRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Ids.IsHex(value as string);
}
