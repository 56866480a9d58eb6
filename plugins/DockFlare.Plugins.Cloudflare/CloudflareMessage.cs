using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Cloudflare;

/// <summary>One item of an envelope's <c>errors</c> or <c>messages</c>.</summary>
internal sealed record CloudflareMessage(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("error_chain")] IReadOnlyList<CloudflareMessage>? ErrorChain = null);
