using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>An account as the API sends it.</summary>
internal sealed record AccountWire(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("created_on")] DateTimeOffset? CreatedOn)
{
    public CloudflareAccount ToAccount() => new(Id, Name ?? "", Type, CreatedOn);
}
