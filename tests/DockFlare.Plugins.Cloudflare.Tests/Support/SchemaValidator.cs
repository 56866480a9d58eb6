using System.Globalization;
using System.Text.Json;

namespace DockFlare.Plugins.Cloudflare.Tests.Support;

/// <summary>
/// Validates JSON against the OpenAPI 3.0 schema objects of the subset: <c>$ref</c>, <c>allOf</c>,
/// <c>anyOf</c>/<c>oneOf</c> (at least one branch; the 2024 schema's branches overlap), <c>type</c> with
/// <c>nullable</c>, <c>enum</c>, <c>properties</c>/<c>required</c>, <c>additionalProperties: false</c>,
/// <c>items</c>, string lengths, number bounds and <c>date-time</c>. In request mode, properties the schema
/// marks read-only (and the DNS artefacts named in the README) are not required; in partial mode (PATCH)
/// nothing is required. Null is accepted for optional properties: the 2024 schema seldom marks nullability.
/// </summary>
internal static class SchemaValidator
{
    private static readonly HashSet<string> ReadOnlyArtefacts = ["id", "created_on", "modified_on", "proxiable", "zone_id", "zone_name", "locked", "meta"];

    public static List<string> Validate(JsonElement schema, JsonElement value, bool request, bool partial = false)
    {
        var errors = new List<string>();
        Check(schema, value, request || partial, "$", errors, partial);
        return errors;
    }

    private static void Check(JsonElement schema, JsonElement value, bool request, string at, List<string> errors, bool partial = false)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(OpenApiSubset.Resolve(reference.GetString()!), value, request, at, errors, partial);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null && (Flag(schema, "nullable") || !schema.TryGetProperty("type", out _) && !schema.TryGetProperty("allOf", out _) && !schema.TryGetProperty("properties", out _)))
        {
            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Check(part, value, request, at, errors, partial);
            }
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(keyword, out var branches))
            {
                var results = branches.EnumerateArray().Select(b => Validate2(b, value, request, at, partial)).ToList();
                if (results.All(r => r.Count > 0))
                {
                    errors.Add($"{at}: matches no {keyword} branch (closest: {string.Join("; ", results.OrderBy(r => r.Count).First().Take(3))})");
                }
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type.GetString()!, value, Flag(schema, "nullable")))
        {
            errors.Add($"{at}: expected {type.GetString()}{(Flag(schema, "nullable") ? " or null" : "")}, got {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("enum", out var values) && value.ValueKind is JsonValueKind.String
            && !values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == value.GetString()))
        {
            errors.Add($"{at}: '{value.GetString()}' is not one of the enum values");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, request, at, errors, partial);
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, request, $"{at}[{index++}]", errors);
            }
        }
        else if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("maxLength", out var max) && text.Length > max.GetInt32())
            {
                errors.Add($"{at}: longer than {max.GetInt32()}");
            }

            if (schema.TryGetProperty("minLength", out var min) && text.Length < min.GetInt32())
            {
                errors.Add($"{at}: shorter than {min.GetInt32()}");
            }

            if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time"
                && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            {
                errors.Add($"{at}: '{text}' is not a date-time");
            }
        }
        else if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
            {
                errors.Add($"{at}: below minimum {min.GetDouble()}");
            }

            if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
            {
                errors.Add($"{at}: above maximum {max.GetDouble()}");
            }
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, bool request, string at, List<string> errors, bool partial)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var requiredNames = schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!).ToHashSet() : [];
        if (!partial && requiredNames.Count > 0)
        {
            foreach (var name in requiredNames)
            {
                var readOnly = request && (ReadOnlyArtefacts.Contains(name) || (properties.ValueKind == JsonValueKind.Object
                    && properties.TryGetProperty(name, out var prop) && IsReadOnly(prop)));
                if (!value.TryGetProperty(name, out _) && !readOnly)
                {
                    errors.Add($"{at}: missing required '{name}'");
                }
            }
        }

        if (properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    // Cloudflare's schemas rarely mark nullability; real answers carry null for unset optional fields.
                    if (property.Value.ValueKind == JsonValueKind.Null && !requiredNames.Contains(property.Name))
                    {
                        continue;
                    }

                    Check(propertySchema, property.Value, request, $"{at}.{property.Name}", errors);
                }
                else if (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False)
                {
                    errors.Add($"{at}: unexpected property '{property.Name}'");
                }
            }
        }
    }

    private static List<string> Validate2(JsonElement schema, JsonElement value, bool request, string at, bool partial)
    {
        var errors = new List<string>();
        Check(schema, value, request, at, errors, partial);
        return errors;
    }

    private static bool IsReadOnly(JsonElement schema) =>
        Flag(schema, "readOnly") || (schema.TryGetProperty("$ref", out var r) && IsReadOnly(OpenApiSubset.Resolve(r.GetString()!)));

    private static bool Flag(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True;

    private static bool TypeMatches(string type, JsonElement value, bool nullable) => value.ValueKind switch
    {
        JsonValueKind.Null => nullable,
        JsonValueKind.Object => type == "object",
        JsonValueKind.Array => type == "array",
        JsonValueKind.String => type == "string",
        JsonValueKind.True or JsonValueKind.False => type == "boolean",
        JsonValueKind.Number => type == "number" || (type == "integer" && value.TryGetInt64(out _)),
        _ => false,
    };
}
