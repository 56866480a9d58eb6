namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A Cloudflare account the token can see.</summary>
/// <param name="Id">The account id (32 lower-case hex characters).</param>
/// <param name="Name">The account name.</param>
/// <param name="Type">The account type (<c>standard</c>, <c>enterprise</c>), when Cloudflare returns it.</param>
/// <param name="CreatedOn">When the account was created, when returned.</param>
public sealed record CloudflareAccount(string Id, string Name, string? Type, DateTimeOffset? CreatedOn);
