using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>The response envelope every Cloudflare API v4 endpoint returns.</summary>
internal sealed record CloudflareEnvelope(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errors")] IReadOnlyList<CloudflareMessage>? Errors,
    [property: JsonPropertyName("messages")] IReadOnlyList<CloudflareMessage>? Messages,
    [property: JsonPropertyName("result")] JsonElement Result,
    [property: JsonPropertyName("result_info")] CloudflareResultInfo? ResultInfo = null);
