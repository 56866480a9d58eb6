namespace DockFlare.CloudflareEmulator.State;

/// <summary>An emulated Access service token.</summary>
internal sealed class ServiceTokenState
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; set; }

    public required string ClientId { get; init; }

    public required string ClientSecret { get; set; }

    public required string Duration { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
