namespace DockFlare.Modules.Agents;

/// <summary>The admin's commands to an agent besides enrolment and redeploy: stop its tunnel, change the cloudflared image, ask for a full inventory.</summary>
public interface IAgentControl
{
    /// <summary>Queues <c>stop_tunnel</c> (payload <c>{}</c>): the agent stops and removes its cloudflared.</summary>
    /// <exception cref="AgentRequestException">No such agent (404), removed or without a tunnel (409).</exception>
    Task<AgentCommand> StopTunnelAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>Queues <c>update_image</c> (payload <c>{"image": …}</c>): the agent runs its cloudflared from that image.</summary>
    /// <exception cref="AgentRequestException">Not an image reference (400), no such agent (404), removed (409).</exception>
    Task<AgentCommand> UpdateImageAsync(string agentId, string? image, CancellationToken cancellationToken);

    /// <summary>Queues <c>resync</c> (payload <c>{}</c>): the agent sends its complete inventory at once.</summary>
    /// <exception cref="AgentRequestException">No such agent (404), removed (409).</exception>
    Task<AgentCommand> ResyncAsync(string agentId, CancellationToken cancellationToken);
}
