namespace DockFlare.Modules.Agents;

/// <summary>The agent registry and lifecycle: register, enrol, rename, scopes, redeploy, remove.</summary>
public interface IAgentRegistry
{
    /// <summary>Registers (or refreshes) the agent of an authenticated key.</summary>
    /// <param name="key">The verified key (see <see cref="IAgentKeys.VerifyAsync"/>).</param>
    /// <param name="registration">What the agent says about itself.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="AgentRequestException">The key is bound to another agent, or the id is taken.</exception>
    Task<AgentRegistrationResult> RegisterAsync(AgentKeyInfo key, AgentRegistration registration, CancellationToken cancellationToken);

    /// <summary>The agent with its liveness, or null.</summary>
    Task<AgentView?> GetAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Every agent with its liveness, by display name.</summary>
    Task<IReadOnlyList<AgentView>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Enrols the agent on an existing tunnel (<paramref name="tunnelId"/>) or on a new one named
    /// <c>dockflare-agent-&lt;display name&gt;</c>, then queues <c>start_tunnel</c>.
    /// </summary>
    Task<AgentRecord> EnrolAsync(string agentId, string? tunnelId, bool createTunnel, AgentScopes? scopes, CancellationToken cancellationToken);

    /// <summary>Renames the agent (the agent's own name no longer overwrites it).</summary>
    Task<AgentRecord> RenameAsync(string agentId, string displayName, CancellationToken cancellationToken);

    /// <summary>Sets what the agent may publish; its last report is checked again at once.</summary>
    Task<AgentRecord> SetScopesAsync(string agentId, AgentScopes scopes, CancellationToken cancellationToken);

    /// <summary>Queues <c>restart_tunnel</c> for an enrolled agent; returns the command.</summary>
    Task<AgentCommand> RedeployAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the agent: revokes its key, cancels its commands, lets its routes go through the grace
    /// period, and deletes its tunnel once nothing of ours is left on it and no connector is attached
    /// (<paramref name="cascade"/> drops connectors).
    /// </summary>
    Task<AgentRecord> RemoveAsync(string agentId, bool cascade, CancellationToken cancellationToken);
}
