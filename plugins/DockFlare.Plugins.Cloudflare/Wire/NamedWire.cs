using System.Text.Json.Serialization;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>An <c>{id, name}</c> reference, such as a zone's account or a member's role.</summary>
internal sealed record NamedWire(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);
