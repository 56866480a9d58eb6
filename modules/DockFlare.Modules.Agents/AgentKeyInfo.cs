namespace DockFlare.Modules.Agents;

/// <summary>An agent key as admins see it: never the secret, only its public id.</summary>
/// <param name="KeyId">The public key id (the middle part of <c>dfa_&lt;keyId&gt;_&lt;secret&gt;</c>).</param>
/// <param name="Label">What the admin called it.</param>
/// <param name="Status"><c>active</c> or <c>revoked</c>.</param>
/// <param name="CreatedAt">When it was generated.</param>
/// <param name="LastUsedAt">When an agent last authenticated with it (updated at most once a minute), or null.</param>
/// <param name="RolledAt">When its secret was last replaced, or null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="BoundAgentId">The agent it is bound to (after that agent registered), or null while unused.</param>
public sealed record AgentKeyInfo(
    string KeyId,
    string Label,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RolledAt,
    DateTimeOffset? RevokedAt,
    string? BoundAgentId)
{
    /// <summary>
    /// Whether the key was revoked because its agent was removed: the agent is then told so (410
    /// <c>agent_removed</c>) instead of getting a plain 401, so it stops its cloudflared.
    /// </summary>
    public bool RevokedByRemoval { get; init; }

    /// <summary>The status of a usable key.</summary>
    public const string Active = "active";

    /// <summary>The status of a revoked key: refused from the next request on.</summary>
    public const string Revoked = "revoked";
}
