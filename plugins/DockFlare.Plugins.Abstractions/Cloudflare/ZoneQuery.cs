namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Filters for listing zones. Every filter left <see langword="null"/> is not sent.</summary>
/// <param name="AccountId">Only zones of this account.</param>
/// <param name="Name">Only the zone with exactly this name.</param>
/// <param name="Status">Only zones in this status, such as <c>active</c>.</param>
public sealed record ZoneQuery(string? AccountId = null, string? Name = null, string? Status = null);
