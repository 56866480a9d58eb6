namespace DockFlare.Core.Routing;

/// <summary>A validated path: the regular expression written into the ingress rule and what orders it.</summary>
/// <param name="Expression">The RE2 expression for cloudflared.</param>
/// <param name="AccessPath">The path an Access app can cover (<c>/api</c>, <c>/webhook/*</c>); null for a regular expression.</param>
/// <param name="LiteralLength">How many literal characters the expression starts with; longer sorts first.</param>
/// <param name="Kind">How the user wrote it.</param>
internal sealed record NormalizedPath(string Expression, string? AccessPath, int LiteralLength, PathKind Kind);
