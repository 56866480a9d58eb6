using System.Text.Json;
using System.Text.RegularExpressions;

namespace DockFlare.Plugins.Cloudflare.Tests.Support;

/// <summary>
/// The official schema data (<c>Schema/openapi-subset.json</c>, a copy of the project's shared reference data)
/// and lookups of an operation's request and response schemas.
/// </summary>
internal static class OpenApiSubset
{
    private static readonly Lazy<JsonDocument> Document = new(Load);

    public static JsonElement Root => Document.Value.RootElement;

    /// <summary>The schema data, copied beside the tests from <c>Schema/</c> (BSD 3-Clause, Cloudflare).</summary>
    public static string SharedFolder => Path.Combine(AppContext.BaseDirectory, "Schema");

    /// <summary>The spec path template matching a concrete path, such as <c>/zones/{zone_id}/dns_records</c>.</summary>
    public static string? Template(string path)
    {
        foreach (var template in Root.GetProperty("paths").EnumerateObject().Select(p => p.Name))
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern, RegexOptions.CultureInvariant))
            {
                return template;
            }
        }

        return null;
    }

    public static JsonElement? Operation(string template, string method) =>
        Root.GetProperty("paths").GetProperty(template).TryGetProperty(method.ToLowerInvariant(), out var op) ? op : null;

    public static JsonElement? ResponseSchema(JsonElement operation, int status)
    {
        var responses = operation.GetProperty("responses");
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!responses.TryGetProperty(key, out var response) && !(status >= 400 && responses.TryGetProperty("4XX", out response)))
        {
            return null;
        }

        return response.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var schema) ? schema : null;
    }

    public static JsonElement? RequestSchema(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    public static JsonElement Resolve(string reference)
    {
        var node = Root;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static JsonDocument Load() => JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder, "openapi-subset.json")));
}
