using System.Text.Json.Serialization;
using DockFlare.Plugins.Abstractions.Cloudflare;

namespace DockFlare.Plugins.Cloudflare.Wire;

/// <summary>The service-token result of a create or rotate, which carries the client secret.</summary>
internal sealed record ServiceTokenWire(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    [property: JsonPropertyName("duration")] string? Duration,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    [property: JsonPropertyName("updated_at")] DateTimeOffset? UpdatedAt)
{
    public ServiceToken ToToken() => new()
    {
        Id = Id,
        Name = Name ?? "",
        ClientId = ClientId,
        Duration = Duration,
        ExpiresAt = ExpiresAt,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };

    // Never print the secret.
    public override string ToString() => $"ServiceTokenWire {{ Id = {Id} }}";
}
