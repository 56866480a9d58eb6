using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>Serializer settings for Cloudflare: unknown fields are ignored, unset fields are not sent.</summary>
internal static class CloudflareJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
    };
}
