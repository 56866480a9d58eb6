namespace DockFlare.Modules.Agents;

/// <summary>Checks an agent key (the bearer token of an agent request) against the agent it addresses.</summary>
public interface IAgentAuthenticator
{
    /// <summary>
    /// The agent <paramref name="agentId"/> if <paramref name="secret"/> is an active key bound to it;
    /// null otherwise (unknown, revoked or rolled key, or a key of another agent). Constant-time compare;
    /// the key's last use is recorded.
    /// </summary>
    Task<AuthenticatedAgent?> AuthenticateAsync(string secret, string agentId, CancellationToken cancellationToken);
}
