namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>The API lives under <c>/client/v4</c>, like the real one.</summary>
internal static class ApiPath
{
    public const string Prefix = "/client/v4";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public static string Relative(PathString path) =>
        path.StartsWithSegments(Prefix, StringComparison.Ordinal, out var rest) ? (rest.Value is { Length: > 0 } r ? r : "/") : path.Value ?? "/";
}
