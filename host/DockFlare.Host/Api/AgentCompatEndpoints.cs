using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Modules.Agents;

namespace DockFlare.Host.Api;

/// <summary>
/// The original DockFlare 3.x agent's shapes on the same routes (reference §2): register answers
/// <c>{status, agent_id, agent}</c> with 201/200, events take <c>{type, timestamp, container}</c> and answer
/// 202 <c>{status:"success", message:"Event received and processed."}</c>. Also the container parsing both
/// protocols share. The agent's <c>timestamp</c> is never read.
/// </summary>
internal static class AgentCompatEndpoints
{
    public const int MaxLabels = 500;
    public const int MaxLabelKeyLength = 256;
    public const int MaxLabelValueLength = 4096;

    /// <summary>Whether a register body is ours (camelCase fields) rather than the original agent's.</summary>
    public static bool IsV2Registration(JsonObject body) =>
        body.ContainsKey("agentId") || body.ContainsKey("displayName") || body.ContainsKey("agentVersion") || body.ContainsKey("supportedProtocols");

    public static IResult RegisterAnswer(AgentRegistrationResult result) =>
        Results.Json(
            new
            {
                status = "success",
                agent_id = result.Agent.Id,
                agent = new
                {
                    id = result.Agent.Id,
                    display_name = result.Agent.DisplayName,
                    custom_name = result.Agent.CustomName,
                    status = result.Agent.Status,
                    version = result.Agent.Version,
                    hostname = result.Agent.Hostname,
                    assigned_tunnel_id = result.Agent.TunnelId,
                    assigned_tunnel_name = result.Agent.TunnelName,
                    registered_at = result.Agent.RegisteredAt,
                    last_enrolled_at = result.Agent.EnrolledAt,
                },
            },
            statusCode: result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK);

    /// <summary>One original event: heartbeat, status_report, container_start/stop/die, tunnel_status; unknown types are accepted.</summary>
    public static async Task<IResult> EventAsync(string agentId, JsonObject body, IAgentReports reports, CancellationToken cancellationToken)
    {
        if (body["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            // The original agent once sent a dict as the type: it only counted as a heartbeat there too.
            await reports.HeartbeatAsync(agentId, cancellationToken);
            return Accepted([]);
        }

        switch (type)
        {
            case "status_report":
                if (body["inventory_complete"] is JsonValue complete && complete.TryGetValue<bool>(out var isComplete) && !isComplete)
                {
                    await reports.HeartbeatAsync(agentId, cancellationToken);
                    return Accepted([]);
                }

                var list = (body["container"] as JsonObject)?["containers"] ?? body["containers"];
                if (list is not JsonArray array)
                {
                    return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", "A status_report needs 'container.containers' (or 'containers'): the list of running containers.");
                }

                var (containers, error, refused) = ParseContainers(array, defaultRunning: true);
                if (error is not null)
                {
                    return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", error);
                }

                return Accepted([.. refused, .. (await reports.ReportInventoryAsync(agentId, containers, cancellationToken)).Diagnostics]);
            case "container_start" or "container_stop" or "container_die":
                var (container, containerError, containerRefused) = ParseContainer(body["container"], defaultRunning: type == "container_start");
                if (containerError is not null)
                {
                    return AgentRequestGuard.Refuse(StatusCodes.Status400BadRequest, "invalid_request", containerError);
                }

                var sequence = body["event_sequence"] is JsonValue s && s.TryGetValue<long>(out var seq) ? seq : (long?)null;
                var session = body["agent_session_id"] is JsonValue v && v.TryGetValue<string>(out var sid) ? sid : null;
                var result = await reports.ApplyEventsAsync(agentId, session, [new AgentEvent(sequence, type, container)], cancellationToken);
                return Accepted(containerRefused is null ? result.Diagnostics : [containerRefused, .. result.Diagnostics]);
            default:
                // heartbeat, hello, tunnel_status and anything newer: the call itself is the heartbeat.
                await reports.HeartbeatAsync(agentId, cancellationToken);
                return Accepted([]);
        }
    }

    /// <summary>
    /// The containers of an inventory. A malformed entry (not an object, no id or name) refuses the whole list with an
    /// error naming it; a container whose labels break a limit is kept without labels, so it publishes nothing, and named
    /// in <c>Refused</c>: one bad container never blocks the rest of its host.
    /// </summary>
    public static (List<ReportedContainer> Containers, string? Error, List<string> Refused) ParseContainers(JsonArray array, bool defaultRunning)
    {
        var containers = new List<ReportedContainer>(array.Count);
        var refused = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var (container, error, labelsRefused) = ParseContainer(array[i], defaultRunning);
            if (error is not null)
            {
                return ([], $"containers[{i}]: {error}", []);
            }

            containers.Add(container!);
            if (labelsRefused is not null)
            {
                refused.Add(labelsRefused);
            }
        }

        return (containers, null, refused);
    }

    /// <summary>
    /// A container <c>{id, name, labels, state|status|running}</c>; the error names the field. Labels over a limit (more
    /// than <see cref="MaxLabels"/>, a key over <see cref="MaxLabelKeyLength"/> or a value over
    /// <see cref="MaxLabelValueLength"/> characters) give the container without labels and a diagnostic in <c>Refused</c>.
    /// </summary>
    public static (ReportedContainer? Container, string? Error, string? Refused) ParseContainer(JsonNode? node, bool defaultRunning)
    {
        if (node is not JsonObject container)
        {
            return (null, "'container' must be an object {id, name, labels}.", null);
        }

        var id = Text(container["id"]);
        var name = Text(container["name"])?.TrimStart('/');
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128)
        {
            return (null, "'id' is required: the Docker container id (at most 128 characters).", null);
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 255)
        {
            return (null, "'name' is required: the container name (at most 255 characters).", null);
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string? refused = null;
        if (container["labels"] is JsonObject labelObject)
        {
            if (labelObject.Count > MaxLabels)
            {
                refused = $"Container '{name}' has {labelObject.Count} DockFlare labels, more than the {MaxLabels} the master accepts: nothing of this container is published.";
            }

            foreach (var (key, value) in labelObject)
            {
                if (refused is not null)
                {
                    break;
                }

                var text = value is JsonValue jsonValue && jsonValue.GetValueKind() == JsonValueKind.String ? jsonValue.GetValue<string>() : value?.ToJsonString();
                if (key.Length > MaxLabelKeyLength || (text?.Length ?? 0) > MaxLabelValueLength)
                {
                    refused = $"Container '{name}': label '{key[..Math.Min(key.Length, 64)]}' is too long (keys up to {MaxLabelKeyLength} characters, values up to {MaxLabelValueLength}): nothing of this container is published.";
                    break;
                }

                labels[key] = text ?? "";
            }

            if (refused is not null)
            {
                labels.Clear();
            }
        }
        else if (container["labels"] is not null)
        {
            return (null, $"container '{name}': 'labels' must be an object of strings.", null);
        }

        var running = defaultRunning;
        if ((Text(container["state"]) ?? Text(container["status"])) is { } state)
        {
            running = string.Equals(state, "running", StringComparison.OrdinalIgnoreCase);
        }
        else if (container["running"] is JsonValue flag && flag.TryGetValue<bool>(out var isRunning))
        {
            running = isRunning;
        }

        return (new ReportedContainer(id, name, labels, running), null, refused);
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static IResult Accepted(IReadOnlyList<string> diagnostics) =>
        Results.Json(
            new { status = "success", message = "Event received and processed.", code = "accepted", diagnostics },
            statusCode: StatusCodes.Status202Accepted);
}
