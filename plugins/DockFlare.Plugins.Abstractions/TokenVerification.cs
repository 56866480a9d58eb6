namespace DockFlare.Plugins.Abstractions;

/// <summary>The answer to a token verification.</summary>
/// <param name="IsActive">Whether Cloudflare says the token is valid and active.</param>
/// <param name="TokenId">The token's id, when Cloudflare returned it.</param>
/// <param name="Status">Cloudflare's status word (<c>active</c>, <c>disabled</c>, <c>expired</c>), or the error.</param>
public sealed record TokenVerification(bool IsActive, string? TokenId, string Status);
