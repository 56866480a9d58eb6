namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A zone (domain) in Cloudflare.</summary>
/// <param name="Id">The zone id (32 lower-case hex characters).</param>
/// <param name="Name">The zone's domain name, such as <c>example.com</c>.</param>
/// <param name="Status">The zone status: <c>active</c>, <c>pending</c>, <c>initializing</c> or <c>moved</c>.</param>
/// <param name="Paused">Whether the zone is paused (DNS only, no proxying).</param>
/// <param name="Type">The zone type: <c>full</c>, <c>partial</c>, <c>secondary</c> or <c>internal</c>.</param>
/// <param name="AccountId">The owning account's id.</param>
/// <param name="AccountName">The owning account's name.</param>
public sealed record CloudflareZone(
    string Id,
    string Name,
    string Status,
    bool Paused,
    string? Type,
    string? AccountId,
    string? AccountName);
