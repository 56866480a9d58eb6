namespace DockFlare.Modules.Agents;

/// <summary>The admin side of agent keys: generate, list, revoke, roll; and the key check of agent requests.</summary>
public interface IAgentKeys
{
    /// <summary>Generates a key; its secret is in the answer and nowhere else.</summary>
    Task<IssuedAgentKey> GenerateAsync(string label, CancellationToken cancellationToken);

    /// <summary>Every key, oldest first.</summary>
    Task<IReadOnlyList<AgentKeyInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key (refused from the next request on); null when there is no such key.</summary>
    Task<AgentKeyInfo?> RevokeAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Replaces a key's secret, keeping its id and binding; the old secret is refused at once. Null when unknown.</summary>
    /// <exception cref="AgentRequestException">The key is revoked.</exception>
    Task<IssuedAgentKey?> RollAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>
    /// The active key that <paramref name="secret"/> is (constant-time compare), or null. Its last use is
    /// recorded. An unbound key gives a null <see cref="AgentKeyInfo.BoundAgentId"/>: it may only register.
    /// </summary>
    Task<AgentKeyInfo?> VerifyAsync(string secret, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="secret"/> is the key of an agent that was removed (revoked by the removal, not
    /// by an admin's revoke): such an agent is answered 410 <c>agent_removed</c> so it stops serving its tunnel.
    /// </summary>
    Task<bool> IsRemovedAgentKeyAsync(string secret, CancellationToken cancellationToken);
}
