using System.Text.Json;
using DockFlare.Core.Engine;

namespace DockFlare.Host.Cli;

/// <summary>
/// Reads a JSON array of containers: <c>[{"name": "web", "labels": {"dockflare.enable": "true"}}]</c>.
/// Optional fields: <c>host</c> (default <c>local</c>; one tunnel per host), <c>id</c>, and
/// <c>state</c> (<c>running</c> or <c>stopped</c>). Labels may also be a list of <c>key=value</c>.
/// </summary>
internal static class ContainerListReader
{
    public static IReadOnlyList<ContainerInput> Read(string text, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            // The exception's own message repeats the position 0-based ("LineNumber: 1 | ..."); keep only the reason.
            var reason = ex.Message;
            var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal) is var p and >= 0 ? p : reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            throw new LintInputException($"{file}:{line}:{column}: not valid JSON: {(cut >= 0 ? reason[..cut] : reason)}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new LintInputException($"{file}: the JSON must be an array of containers such as [{{\"name\": \"web\", \"labels\": {{...}}}}].");
            }

            var containers = new List<ContainerInput>();
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                containers.Add(ReadContainer(item, index++, file));
            }

            return containers;
        }
    }

    private static ContainerInput ReadContainer(JsonElement item, int index, string file)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new LintInputException($"{file}: item {index} is not an object with 'name' and 'labels'.");
        }

        var name = Text(item, "name") ?? throw new LintInputException($"{file}: item {index} has no 'name'.");
        var host = Text(item, "host") ?? ComposeFileReader.Host;
        var id = Text(item, "id") ?? $"{host}:{name}";
        var state = Text(item, "state")?.ToLowerInvariant() switch
        {
            null or "running" => ContainerState.Running,
            "stopped" or "exited" => ContainerState.Stopped,
            var other => throw new LintInputException($"{file}: item {index} ('{name}') has state '{other}'; use running or stopped."),
        };

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("labels", out var labelsElement))
        {
            switch (labelsElement.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in labelsElement.EnumerateObject())
                    {
                        labels[property.Name] = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString()!,
                            JsonValueKind.Null => "",
                            JsonValueKind.Object or JsonValueKind.Array =>
                                throw new LintInputException($"{file}: label '{property.Name}' of '{name}' must be a string."),
                            _ => property.Value.GetRawText(),
                        };
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var entry in labelsElement.EnumerateArray())
                    {
                        var text = entry.ValueKind == JsonValueKind.String ? entry.GetString()! : throw new LintInputException($"{file}: labels of '{name}' in list form must be 'key=value' strings.");
                        var eq = text.IndexOf('=', StringComparison.Ordinal);
                        labels[(eq < 0 ? text : text[..eq]).Trim()] = eq < 0 ? "" : text[(eq + 1)..];
                    }

                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new LintInputException($"{file}: 'labels' of '{name}' must be an object or a list.");
            }
        }

        return new ContainerInput(id, name, host, labels, state);
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
