namespace DockFlare.Host.Api;

/// <summary>What <c>POST /api/v2/adopt</c> took ownership of, one line per object (empty: nothing was in the way).</summary>
internal sealed record AdoptResponse(IReadOnlyList<string> Adopted);
