using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockFlare.Agent.State;

/// <summary>
/// Imports the original agent's <c>agent_id.txt</c> and <c>tunnel_state.json</c> (reference §7.6) when this agent's own state
/// file does not exist yet, so replacing the original image on the same volume keeps the agent id and the tunnel.
/// </summary>
internal static class LegacyAgentFiles
{
    public const string AgentIdFile = "agent_id.txt";
    public const string TunnelStateFile = "tunnel_state.json";

    public static AgentState? TryImport(string directory, ILogger log)
    {
        var idPath = Path.Combine(directory, AgentIdFile);
        var tunnelPath = Path.Combine(directory, TunnelStateFile);
        try
        {
            var agentId = File.Exists(idPath) ? File.ReadAllText(idPath).Trim() : null;
            TunnelAssignment? tunnel = null;
            var desired = TunnelDesiredState.Unknown;
            if (File.Exists(tunnelPath) && JsonNode.Parse(File.ReadAllText(tunnelPath)) is JsonObject saved)
            {
                var token = Text(saved["token"]);
                var id = Text(saved["id"]);
                var name = Text(saved["name"]);
                if (token is not null && id is not null)
                {
                    tunnel = new TunnelAssignment(id, name ?? id, token);
                }

                desired = Text(saved["desired_state"]) switch
                {
                    "running" => TunnelDesiredState.Running,
                    "stopped" => TunnelDesiredState.Stopped,
                    _ => TunnelDesiredState.Unknown,
                };
            }

            if (string.IsNullOrEmpty(agentId) && tunnel is null)
            {
                return null;
            }

            log.LogInformation("Imported the original agent's state from {DataDirectory}: agent {AgentId}, {Tunnel}, desired {DesiredState}",
                directory, agentId, tunnel?.ToString() ?? "no tunnel", desired);
            return new AgentState { AgentId = string.IsNullOrEmpty(agentId) ? null : agentId, Tunnel = tunnel, DesiredState = desired };
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            log.LogWarning("The original agent's files in {DataDirectory} cannot be read ({Reason}): the agent starts as new", directory, ex.Message);
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
