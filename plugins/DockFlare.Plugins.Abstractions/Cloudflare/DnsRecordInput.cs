using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>The full content of a DNS record, for a create or a replace (PUT).</summary>
/// <param name="Type">The record type, such as <c>CNAME</c>.</param>
/// <param name="Name">The full record name (or <c>@</c> for the apex, or a name relative to the zone).</param>
/// <param name="Content">The record content, such as <c>&lt;tunnel-id&gt;.cfargotunnel.com</c>.</param>
/// <param name="Proxied">Whether traffic goes through Cloudflare's proxy.</param>
/// <param name="Ttl">Time to live in seconds; <c>1</c> means automatic and is required for proxied records.</param>
/// <param name="Comment">An optional comment, for example to mark the record as DockFlare's.</param>
/// <param name="Tags">Optional <c>name:value</c> tags.</param>
public sealed record DnsRecordInput(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("proxied")] bool Proxied = true,
    [property: JsonPropertyName("ttl")] int Ttl = 1,
    [property: JsonPropertyName("comment")] string? Comment = null,
    [property: JsonPropertyName("tags")] IReadOnlyList<string>? Tags = null)
{
    /// <summary>A proxied CNAME from <paramref name="hostname"/> to the tunnel <paramref name="tunnelId"/>.</summary>
    public static DnsRecordInput TunnelCname(string hostname, string tunnelId, string? comment = null) =>
        new("CNAME", hostname, $"{tunnelId}.cfargotunnel.com", Proxied: true, Ttl: 1, Comment: comment);
}
