using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A partial change to a DNS record (PATCH): only the fields that are not <see langword="null"/> change.</summary>
/// <param name="Name">A new name.</param>
/// <param name="Content">New content.</param>
/// <param name="Proxied">A new proxied flag.</param>
/// <param name="Ttl">A new time to live.</param>
/// <param name="Comment">A new comment.</param>
public sealed record DnsRecordPatch(
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("content")] string? Content = null,
    [property: JsonPropertyName("proxied")] bool? Proxied = null,
    [property: JsonPropertyName("ttl")] int? Ttl = null,
    [property: JsonPropertyName("comment")] string? Comment = null);
