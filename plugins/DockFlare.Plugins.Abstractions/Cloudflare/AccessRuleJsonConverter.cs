using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>Reads and writes an <see cref="AccessRule"/> as Cloudflare's single-key object.</summary>
internal sealed class AccessRuleJsonConverter : JsonConverter<AccessRule>
{
    internal static readonly JsonTypeInfo<Dictionary<string, string>> BodyTypeInfo =
        (JsonTypeInfo<Dictionary<string, string>>)JsonSerializerOptions.Default.GetTypeInfo(typeof(Dictionary<string, string>));

    public override AccessRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An Access rule must be a JSON object.");
        }

        using var properties = root.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw new JsonException("An Access rule must have exactly one key.");
        }

        var first = properties.Current;
        if (properties.MoveNext())
        {
            throw new JsonException("An Access rule must have exactly one key.");
        }

        return new AccessRule(first.Name, first.Value.Clone());
    }

    public override void Write(Utf8JsonWriter writer, AccessRule value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(value.Kind);
        value.Body.WriteTo(writer);
        writer.WriteEndObject();
    }
}
