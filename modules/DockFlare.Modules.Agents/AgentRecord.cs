namespace DockFlare.Modules.Agents;

/// <summary>One agent in the registry (no secret: keys are referenced by id, tunnel tokens are never stored).</summary>
/// <param name="Id">The agent id (a UUID).</param>
/// <param name="DisplayName">Its name in the UI (from the agent until an admin renames it).</param>
/// <param name="Status"><c>pending</c>, <c>enrolled</c> or <c>removing</c> (see <see cref="AgentStatus"/>).</param>
/// <param name="KeyId">The id of the key bound to it.</param>
/// <param name="RegisteredAt">When it first registered (master clock).</param>
public sealed record AgentRecord(string Id, string DisplayName, string Status, string KeyId, DateTimeOffset RegisteredAt)
{
    /// <summary>Whether an admin renamed it: the agent's own name no longer overwrites it.</summary>
    public bool CustomName { get; init; }

    /// <summary>The Docker host name the agent reported, if any.</summary>
    public string? Hostname { get; init; }

    /// <summary>The agent's version string, as reported.</summary>
    public string? Version { get; init; }

    /// <summary>The assigned Cloudflare tunnel's id, once enrolled with a tunnel.</summary>
    public string? TunnelId { get; init; }

    /// <summary>The assigned Cloudflare tunnel's name.</summary>
    public string? TunnelName { get; init; }

    /// <summary>
    /// Whether DockFlare created the assigned tunnel for this agent (enrolment with <c>createTunnel</c>): such a
    /// tunnel is deleted when the agent is removed or moved to another tunnel; a tunnel an admin assigned by id is not.
    /// </summary>
    public bool TunnelCreated { get; init; }

    /// <summary>The network address the master last saw this agent's requests come from (the connection's remote address).</summary>
    public string? LastAddress { get; init; }

    /// <summary>The last few distinct addresses the agent's requests came from, newest first (for the connector origin check).</summary>
    public IReadOnlyList<string> RecentAddresses { get; init; } = [];

    /// <summary>The connector warnings last logged (<c>connectorId@originIp</c>), so that each is logged once.</summary>
    public IReadOnlyList<string> WarnedConnectors { get; init; } = [];

    /// <summary>What the agent may publish.</summary>
    public AgentScopes Scopes { get; init; } = AgentScopes.None;

    /// <summary>When it was last enrolled.</summary>
    public DateTimeOffset? EnrolledAt { get; init; }

    /// <summary>When removal was asked for.</summary>
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>Whether removal may drop connectors still attached to the tunnel.</summary>
    public bool RemoveCascade { get; init; }

    /// <summary>The liveness last logged, so that a change is logged once.</summary>
    public AgentLiveness? LoggedLiveness { get; init; }
}
