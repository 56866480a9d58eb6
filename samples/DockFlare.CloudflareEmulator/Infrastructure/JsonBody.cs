using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockFlare.CloudflareEmulator.Infrastructure;

/// <summary>Reads request bodies and typed fields, answering 400 for malformed JSON or wrong field types.</summary>
internal static class JsonBody
{
    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted).ConfigureAwait(false);
            return node as JsonObject ?? throw EmulatorError.BadRequest(6007, "Malformed JSON in request body");
        }
        catch (JsonException)
        {
            throw EmulatorError.BadRequest(6007, "Malformed JSON in request body");
        }
    }

    public static string? String(JsonObject body, string key, int code = 1004)
    {
        var node = body[key];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw EmulatorError.BadRequest(code, $"{key}: must be a string");
    }

    public static string RequiredString(JsonObject body, string key, int code = 1004) =>
        String(body, key, code) is { Length: > 0 } text ? text : throw EmulatorError.BadRequest(code, $"{key}: is required");

    public static bool? Bool(JsonObject body, string key, int code = 1004)
    {
        var node = body[key];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw EmulatorError.BadRequest(code, $"{key}: must be a boolean");
    }

    public static int? Int(JsonObject body, string key, int code = 1004)
    {
        var node = body[key];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number))
        {
            return number;
        }

        throw EmulatorError.BadRequest(code, $"{key}: must be an integer");
    }

    public static List<string>? Strings(JsonObject body, string key, int code = 1004)
    {
        var node = body[key];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array)
        {
            throw EmulatorError.BadRequest(code, $"{key}: must be an array of strings");
        }

        return array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw EmulatorError.BadRequest(code, $"{key}: must be an array of strings")).ToList();
    }
}
