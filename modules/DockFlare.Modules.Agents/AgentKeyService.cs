using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Agent keys: generated as <c>dfa_&lt;keyId&gt;_&lt;random&gt;</c>, stored only as a hash, bound to the first
/// agent that registers with them. Every check reads the stored record, so a revoke or roll is
/// refused from the very next request on, on every replica.
/// </summary>
internal sealed class AgentKeyService(AgentDocuments documents, IAgentHeartbeats heartbeats, TimeProvider time, ILogger<AgentKeyService> log)
    : IAgentKeys, IAgentAuthenticator
{
    // last_used_at is written at most this often: a key check must not be a write per request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<IssuedAgentKey> GenerateAsync(string label, CancellationToken cancellationToken)
    {
        var keyId = AgentKeyFormat.NewKeyId();
        var secret = AgentKeyFormat.NewSecret(keyId);
        var info = new AgentKeyInfo(keyId, label, AgentKeyInfo.Active, time.GetUtcNow(), null, null, null, null);
        await documents.UpdateAsync<StoredAgentKey>(AgentCollections.Keys, keyId, _ => new StoredAgentKey(info, AgentKeyFormat.Hash(secret)))
            .ConfigureAwait(false);
        log.LogInformation("Agent key {KeyId} ({Label}) generated", keyId, label);
        return new IssuedAgentKey(info, secret);
    }

    public async Task<IReadOnlyList<AgentKeyInfo>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await documents.ListAsync<StoredAgentKey>(AgentCollections.Keys).ConfigureAwait(false))
            .Select(k => k.Info)
            .OrderBy(k => k.CreatedAt)
            .ThenBy(k => k.KeyId, StringComparer.Ordinal)];

    public async Task<AgentKeyInfo?> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await documents.UpdateAsync<StoredAgentKey>(AgentCollections.Keys, keyId, key => key is null || key.Info.Status == AgentKeyInfo.Revoked
                ? key
                : key with { Info = key.Info with { Status = AgentKeyInfo.Revoked, RevokedAt = now } })
            .ConfigureAwait(false);
        if (stored is not null)
        {
            log.LogInformation("Agent key {KeyId} revoked (agent {AgentId})", keyId, stored.Info.BoundAgentId);
        }

        return stored?.Info;
    }

    /// <summary>Revokes the key of a removed agent and marks it so: its agent then gets 410 <c>agent_removed</c>, not 401.</summary>
    public async Task RevokeForRemovalAsync(string keyId)
    {
        var now = time.GetUtcNow();
        var stored = await documents.UpdateAsync<StoredAgentKey>(AgentCollections.Keys, keyId, key => key is null || key.Info.RevokedByRemoval
                ? key
                : key with { Info = key.Info with { Status = AgentKeyInfo.Revoked, RevokedAt = key.Info.RevokedAt ?? now, RevokedByRemoval = true } })
            .ConfigureAwait(false);
        if (stored is not null)
        {
            log.LogInformation("Agent key {KeyId} revoked: its agent {AgentId} was removed", keyId, stored.Info.BoundAgentId);
        }
    }

    public async Task<bool> IsRemovedAgentKeyAsync(string secret, CancellationToken cancellationToken)
    {
        if (!AgentKeyFormat.TryGetKeyId(secret, out var keyId))
        {
            return false;
        }

        // Only the holder of the real secret learns that its agent was removed; a guessed key id learns nothing.
        var stored = await documents.GetAsync<StoredAgentKey>(AgentCollections.Keys, keyId).ConfigureAwait(false);
        return stored is { Info.Status: AgentKeyInfo.Revoked, Info.RevokedByRemoval: true } && AgentKeyFormat.Matches(secret, stored.Hash);
    }

    public async Task<IssuedAgentKey?> RollAsync(string keyId, CancellationToken cancellationToken)
    {
        var secret = AgentKeyFormat.NewSecret(keyId);
        var now = time.GetUtcNow();
        var stored = await documents.UpdateAsync<StoredAgentKey>(AgentCollections.Keys, keyId, key =>
            {
                if (key is not null && key.Info.Status != AgentKeyInfo.Active)
                {
                    throw new AgentRequestException(AgentRequestError.Conflict, "key_revoked", $"Agent key {keyId} is revoked; generate a new key instead of rolling it.");
                }

                return key is null ? null : new StoredAgentKey(key.Info with { RolledAt = now }, AgentKeyFormat.Hash(secret));
            })
            .ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        log.LogInformation("Agent key {KeyId} rolled: its previous secret is refused from now on", keyId);
        return new IssuedAgentKey(stored.Info, secret);
    }

    public async Task<AgentKeyInfo?> VerifyAsync(string secret, CancellationToken cancellationToken)
    {
        if (!AgentKeyFormat.TryGetKeyId(secret, out var keyId))
        {
            return null;
        }

        var stored = await documents.GetAsync<StoredAgentKey>(AgentCollections.Keys, keyId).ConfigureAwait(false);
        if (stored is null || !AgentKeyFormat.Matches(secret, stored.Hash) || stored.Info.Status != AgentKeyInfo.Active)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (stored.Info.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            // Only if nothing changed meanwhile (a revoke or roll wins over a last-use stamp).
            var info = stored.Info with { LastUsedAt = now };
            await documents.UpdateAsync<StoredAgentKey>(AgentCollections.Keys, keyId, key => key == stored ? key with { Info = info } : key).ConfigureAwait(false);
            return info;
        }

        return stored.Info;
    }

    public async Task<AuthenticatedAgent?> AuthenticateAsync(string secret, string agentId, CancellationToken cancellationToken)
    {
        var key = await VerifyAsync(secret, cancellationToken).ConfigureAwait(false);
        if (key?.BoundAgentId is null || !string.Equals(key.BoundAgentId, agentId, StringComparison.Ordinal))
        {
            return null;
        }

        var agent = await documents.GetAsync<AgentRecord>(AgentCollections.Agents, agentId).ConfigureAwait(false);
        if (agent is null || agent.KeyId != key.KeyId || agent.Status == AgentStatus.Removing)
        {
            return null;
        }

        // Every authenticated request (the long poll included) is a heartbeat on the master's clock.
        await heartbeats.BeatAsync(agentId).ConfigureAwait(false);
        return new AuthenticatedAgent(agentId, key.KeyId, agent.Status);
    }

    /// <summary>Binds an unbound active key to a new agent; false when it was bound (or revoked) meanwhile.</summary>
    public async Task<bool> TryBindAsync(string keyId, string agentId)
    {
        var bound = false;
        await documents.UpdateAsync<StoredAgentKey>(AgentCollections.Keys, keyId, key =>
            {
                bound = key is { Info.BoundAgentId: null, Info.Status: AgentKeyInfo.Active };
                return bound ? key! with { Info = key.Info with { BoundAgentId = agentId } } : key;
            })
            .ConfigureAwait(false);
        return bound;
    }
}
