using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.Endpoints;

/// <summary>
/// Checks <c>originRequest</c> key names (exact, canonical spelling) and types. Durations must be whole
/// seconds: cloudflared parses them as integers and would fail to load anything else on the connector.
/// </summary>
internal static class OriginRequestValidator
{
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["connectTimeout"] = "int", ["tlsTimeout"] = "int", ["tcpKeepAlive"] = "int", ["keepAliveTimeout"] = "int",
        ["keepAliveConnections"] = "int", ["proxyPort"] = "int",
        ["noHappyEyeballs"] = "bool", ["matchSNItoHost"] = "bool", ["noTLSVerify"] = "bool", ["disableChunkedEncoding"] = "bool",
        ["http2Origin"] = "bool", ["bastionMode"] = "bool",
        ["httpHostHeader"] = "string", ["originServerName"] = "string", ["caPool"] = "string", ["proxyType"] = "string",
        ["proxyAddress"] = "string",
        ["access"] = "access", ["ipRules"] = "array",
    };

    /// <summary>Returns the first problem, or null.</summary>
    public static string? Check(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject options)
        {
            return "originRequest must be an object";
        }

        foreach (var (key, value) in options)
        {
            if (!Keys.TryGetValue(key, out var kind))
            {
                var canonical = Keys.Keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                return canonical is null
                    ? $"originRequest has an unknown key '{key}'"
                    : $"originRequest key '{key}' must be spelled '{canonical}'";
            }

            var problem = kind switch
            {
                "int" => IsInteger(value) ? null : $"originRequest.{key} must be a whole number of seconds",
                "bool" => IsKind(value, JsonValueKind.True, JsonValueKind.False) ? null : $"originRequest.{key} must be a boolean",
                "string" => IsKind(value, JsonValueKind.String) ? null : $"originRequest.{key} must be a string",
                "array" => value is JsonArray ? null : $"originRequest.{key} must be an array",
                _ => CheckAccess(value),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? CheckAccess(JsonNode? node)
    {
        if (node is not JsonObject access)
        {
            return "originRequest.access must be an object";
        }

        foreach (var (key, value) in access)
        {
            var ok = key switch
            {
                "required" => IsKind(value, JsonValueKind.True, JsonValueKind.False),
                "teamName" or "environment" => IsKind(value, JsonValueKind.String),
                "audTag" => value is JsonArray tags && tags.All(t => IsKind(t, JsonValueKind.String)),
                _ => false,
            };
            if (!ok)
            {
                return $"originRequest.access.{key} is unknown or has the wrong type";
            }
        }

        var required = access["required"]?.GetValue<bool>() ?? false;
        var hasTags = access["audTag"] is JsonArray { Count: > 0 };
        var team = access["teamName"]?.GetValue<string>();
        return required && hasTags && string.IsNullOrEmpty(team) ? "access.TeamName cannot be blank when access.audTags are present" : null;
    }

    private static bool IsInteger(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out _)
        && !value.ToJsonString().Contains('.', StringComparison.Ordinal) && !value.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase);

    private static bool IsKind(JsonNode? node, params JsonValueKind[] kinds) => node is JsonValue value && kinds.Contains(value.GetValueKind());
}
