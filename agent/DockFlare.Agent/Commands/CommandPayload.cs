using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Agent.State;

namespace DockFlare.Agent.Commands;

/// <summary>Reads the fields of a command's payload; error messages name the field and never echo a token.</summary>
internal static class CommandPayload
{
    /// <summary>The tunnel of a <c>start_tunnel</c> or <c>restart_tunnel</c> (the token as <c>token</c> or <c>tunnel_token</c>).</summary>
    public static TunnelAssignment? ReadTunnel(JsonObject? payload, out string? problem)
    {
        var id = Text(payload, "tunnel_id");
        var name = Text(payload, "tunnel_name");
        var token = Text(payload, "token") ?? Text(payload, "tunnel_token");
        problem = id is null ? "the payload has no 'tunnel_id'"
            : token is null ? "the payload has no 'token'"
            : null;
        return problem is null ? new TunnelAssignment(id!, name ?? id!, token!) : null;
    }

    /// <summary>A string field, trimmed; null when missing, empty or not a string.</summary>
    public static string? Text(JsonObject? payload, string field) =>
        payload?[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim() is { Length: > 0 } text
            ? text
            : null;
}
