using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>One item of a Cloudflare envelope's <c>errors</c> array.</summary>
/// <param name="Code">Cloudflare's numeric error code (for example 81057, 1022, 9109).</param>
/// <param name="Message">Cloudflare's message, verbatim. Branch on <paramref name="Code"/>, never on this text alone.</param>
public sealed record CloudflareError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message);
