using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Modules.Reconciliation;

/// <summary>The JSON form of before and after values in the change log.</summary>
internal static class ChangeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Of(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);
}
