using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Abstractions.Cloudflare;

/// <summary>A DNS record as Cloudflare returns it.</summary>
public sealed record DnsRecord
{
    /// <summary>The record id (32 lower-case hex characters).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The record type, such as <c>CNAME</c> or <c>A</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>The full record name in punycode, such as <c>app.example.com</c>.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The record content: an address, or a target host name for a CNAME.</summary>
    [JsonPropertyName("content")]
    public string Content { get; init; } = "";

    /// <summary>Whether traffic goes through Cloudflare's proxy.</summary>
    [JsonPropertyName("proxied")]
    public bool Proxied { get; init; }

    /// <summary>The time to live in seconds; <c>1</c> means automatic (always so for proxied records).</summary>
    [JsonPropertyName("ttl")]
    public int Ttl { get; init; } = 1;

    /// <summary>The record's comment, if any.</summary>
    [JsonPropertyName("comment")]
    public string? Comment { get; init; }

    /// <summary>The record's tags (<c>name:value</c> items).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>When the record was created.</summary>
    [JsonPropertyName("created_on")]
    public DateTimeOffset? CreatedOn { get; init; }

    /// <summary>When the record was last changed.</summary>
    [JsonPropertyName("modified_on")]
    public DateTimeOffset? ModifiedOn { get; init; }
}
