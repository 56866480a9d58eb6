using System.Text.Json.Nodes;
using DockFlare.Core.Docker;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Agents;

/// <summary>Queues the admin's commands to an agent (see <see cref="IAgentControl"/>); none of them carries a secret.</summary>
internal sealed class AgentControl(AgentDocuments documents, Lazy<IAgentCommands> commands, ILogger<AgentControl> log) : IAgentControl
{
    public const string StopTunnel = "stop_tunnel";
    public const string UpdateImage = "update_image";
    public const string Resync = "resync";

    /// <summary>A resync asked for long ago is worthless: the agent sends a full inventory after any reconnect anyway.</summary>
    internal static readonly TimeSpan ResyncLifetime = TimeSpan.FromHours(1);

    public const int MaxImageLength = 512;

    public async Task<AgentCommand> StopTunnelAsync(string agentId, CancellationToken cancellationToken)
    {
        var agent = await RequireLiveAsync(agentId).ConfigureAwait(false);
        if (agent.TunnelId is null)
        {
            throw new AgentRequestException(AgentRequestError.Conflict, "not_enrolled", $"Agent '{agent.DisplayName}' has no tunnel to stop.");
        }

        return await QueueAsync(agent, StopTunnel, [], AgentRegistry.TunnelCommandLifetime, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AgentCommand> UpdateImageAsync(string agentId, string? image, CancellationToken cancellationToken)
    {
        var reference = image?.Trim();
        if (reference is null || reference.Length > MaxImageLength || !DockerNames.IsImageReference(reference))
        {
            throw new AgentRequestException(AgentRequestError.Invalid, "invalid_image",
                "'image' must be a Docker image reference such as cloudflare/cloudflared:2025.8.0 or registry.example.com:5000/cloudflared@sha256:<digest>.");
        }

        var agent = await RequireLiveAsync(agentId).ConfigureAwait(false);
        return await QueueAsync(agent, UpdateImage, new JsonObject { ["image"] = reference }, AgentRegistry.TunnelCommandLifetime, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AgentCommand> ResyncAsync(string agentId, CancellationToken cancellationToken)
    {
        var agent = await RequireLiveAsync(agentId).ConfigureAwait(false);
        return await QueueAsync(agent, Resync, [], ResyncLifetime, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AgentCommand> QueueAsync(AgentRecord agent, string action, JsonObject payload, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var command = await commands.Value.EnqueueAsync(agent.Id, action, payload, lifetime, cancellationToken).ConfigureAwait(false);
        log.LogInformation("Agent {AgentId} ({DisplayName}): command {CommandId} {Action} queued", agent.Id, agent.DisplayName, command.Id, action);
        return command;
    }

    private async Task<AgentRecord> RequireLiveAsync(string agentId)
    {
        var agent = await documents.GetAsync<AgentRecord>(AgentCollections.Agents, agentId).ConfigureAwait(false)
            ?? throw new AgentRequestException(AgentRequestError.NotFound, "agent_not_found", $"No agent with id '{agentId}'.");
        return agent.Status == AgentStatus.Removing
            ? throw new AgentRequestException(AgentRequestError.Conflict, "agent_removing", $"Agent '{agent.DisplayName}' is being removed.")
            : agent;
    }
}
