namespace DockFlare.CloudflareEmulator.Middleware;

/// <summary>Endpoint metadata: the permission group a token needs for the endpoint.</summary>
internal sealed record RequiredPermission(string Name);
