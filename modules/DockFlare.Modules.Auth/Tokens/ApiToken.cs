namespace DockFlare.Modules.Auth.Tokens;

/// <summary>An API token as stored: never the token itself, only its SHA-256 hash.</summary>
/// <param name="Id">The public part of the token (<c>dft_&lt;id&gt;_&lt;secret&gt;</c>), used to find it.</param>
/// <param name="Name">What the admin called it.</param>
/// <param name="Scope">What it may do.</param>
/// <param name="SecretHash">Hex SHA-256 of the whole token.</param>
/// <param name="CreatedBy">The user who created it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="LastUsedAt">The last request it authenticated (updated at most once a minute).</param>
/// <param name="RevokedAt">When it was revoked; a revoked token authenticates nothing.</param>
public sealed record ApiToken(
    string Id,
    string Name,
    ApiTokenScope Scope,
    string SecretHash,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
