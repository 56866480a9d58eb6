namespace DockFlare.CloudflareEmulator.State;

/// <summary>An emulated zone.</summary>
internal sealed class ZoneState
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string AccountId { get; init; }

    public string Status { get; init; } = "active";

    public DateTimeOffset CreatedOn { get; init; }
}
