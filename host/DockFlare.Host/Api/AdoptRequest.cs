namespace DockFlare.Host.Api;

/// <summary>The body of <c>POST /api/v2/adopt</c>: the route whose objects DockFlare should take ownership of.</summary>
internal sealed record AdoptRequest(string? Hostname, string? Path);
