using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DockFlare.Host.Api;

/// <summary>
/// Messages for request bodies that are not JSON, or JSON of the wrong shape, in JSON words (string, number,
/// boolean, object, array) and never .NET type names.
/// </summary>
internal static class JsonShapeErrors
{
    private const int MaxShownName = 80;

    /// <summary>The reader's reason for malformed JSON, with a 1-based line and byte position instead of its suffix.</summary>
    public static string Malformed(JsonException exception)
    {
        var reason = exception.Message;
        var cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal) is var l and >= 0 ? l : reason.IndexOf(" Path: ", StringComparison.Ordinal);
        reason = (cut >= 0 ? reason[..cut] : reason).TrimEnd().TrimEnd('.');
        return exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $"{reason} (line {line + 1}, position {position + 1})."
            : reason + ".";
    }

    /// <summary>Says which field of valid JSON has the wrong type, what it must be and what it is.</summary>
    /// <param name="path">The serializer's JSON path of the failure (<c>$.tunnel</c>, <c>$.originOptions.x</c>).</param>
    /// <param name="target">The type the whole body was read as.</param>
    /// <param name="root">The body, which is valid JSON.</param>
    /// <param name="options">The serializer options the body was read with.</param>
    public static string WrongShape(string? path, Type target, JsonElement root, JsonSerializerOptions options)
    {
        var shown = new StringBuilder();
        var type = target;
        var element = (JsonElement?)root;
        foreach (var segment in Segments(path))
        {
            var info = options.GetTypeInfo(type);
            Type? next = info.Kind switch
            {
                JsonTypeInfoKind.Object when segment.Name is not null => info.Properties
                    .FirstOrDefault(p => string.Equals(p.Name, segment.Name,
                        options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))?.PropertyType,
                JsonTypeInfoKind.Dictionary when segment.Name is not null => info.ElementType,
                JsonTypeInfoKind.Enumerable when segment.Index is not null => info.ElementType,
                _ => null,
            };
            if (next is null)
            {
                break;
            }

            type = next;
            element = Child(element, segment);
            if (segment.Name is not null)
            {
                shown.Append(shown.Length == 0 ? "" : ".").Append(Shorten(segment.Name));
            }
            else
            {
                shown.Append('[').Append(segment.Index).Append(']');
            }
        }

        if (shown.Length == 0)
        {
            return "The request body does not have the expected shape: send a JSON object.";
        }

        var actual = element is { } value ? $", not {Describe(value.ValueKind)}" : "";
        return $"`{shown}` must be {Expected(type, options)}{actual}.";
    }

    /// <summary>
    /// For a type that refuses unknown fields: the first top-level field of <paramref name="root"/> it does not have, named
    /// with the fields it does have; null when there is none (or the type takes unknown fields).
    /// </summary>
    public static string? UnknownField(Type target, JsonElement root, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(target);
        if (info.Kind != JsonTypeInfoKind.Object || info.UnmappedMemberHandling != System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow
            || root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var known = info.Properties.Select(p => p.Name).ToList();
        var unknown = root.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !known.Contains(n, StringComparer.Ordinal));
        return unknown is null ? null : $"`{Shorten(unknown)}` is not a field of this object; its fields are {string.Join(", ", known)}.";
    }

    /// <summary>A JSON value kind in words: "an object", "a number", "null".</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Expected(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(bool))
        {
            return "a boolean (true or false)";
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return type == typeof(char) ? "a string" : "a number";
        }

        if (type == typeof(string) || type.IsEnum || type == typeof(Guid) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Uri))
        {
            return "a string";
        }

        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
            _ => "a value of another type",
        };
    }

    private static JsonElement? Child(JsonElement? parent, (string? Name, int? Index) segment) => parent switch
    {
        { ValueKind: JsonValueKind.Object } p when segment.Name is not null && p.TryGetProperty(segment.Name, out var child) => child,
        { ValueKind: JsonValueKind.Array } p when segment.Index is { } i && i < p.GetArrayLength() => p[i],
        _ => null,
    };

    private static string Shorten(string name) => name.Length <= MaxShownName ? name : name[..MaxShownName] + "…";

    /// <summary>Splits <c>$.a['b.c'][0]</c> into its property names and indexes.</summary>
    private static List<(string? Name, int? Index)> Segments(string? path)
    {
        var segments = new List<(string? Name, int? Index)>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add((path[(i + 1)..end], null));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['"))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                segments.Add((path[(i + 2)..end], null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), out var index))
                {
                    break;
                }

                segments.Add((null, index));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }
}
