using DockFlare.CloudflareEmulator.Middleware;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>Small helpers shared by the endpoint groups.</summary>
internal static class EndpointExtensions
{
    public static TBuilder Requires<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredPermission(permission));

    public static TokenState Token(this HttpContext context) =>
        (TokenState)context.Items[AuthMiddleware.TokenKey]!;

    public static bool QueryFlag(this HttpRequest request, string key) =>
        string.Equals(request.Query[key].ToString(), "true", StringComparison.OrdinalIgnoreCase);

    public static string? QueryText(this HttpRequest request, string key) =>
        request.Query[key].ToString() is { Length: > 0 } text ? text : null;
}
