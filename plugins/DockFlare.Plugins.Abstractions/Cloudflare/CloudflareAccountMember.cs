namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A member of a Cloudflare account.</summary>
/// <param name="Id">The membership id.</param>
/// <param name="Email">The member's e-mail address.</param>
/// <param name="Status">The membership status (<c>accepted</c>, <c>pending</c>).</param>
/// <param name="Roles">The names of the member's roles, such as <c>Administrator</c>.</param>
public sealed record CloudflareAccountMember(string Id, string Email, string Status, IReadOnlyList<string> Roles);
