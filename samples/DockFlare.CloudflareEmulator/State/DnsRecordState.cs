namespace DockFlare.CloudflareEmulator.State;

/// <summary>An emulated DNS record.</summary>
internal sealed class DnsRecordState
{
    public required string Id { get; init; }

    public required string ZoneId { get; init; }

    public required string Type { get; set; }

    public required string Name { get; set; }

    public required string Content { get; set; }

    public bool Proxied { get; set; }

    public int Ttl { get; set; } = 1;

    public string? Comment { get; set; }

    public List<string> Tags { get; set; } = [];

    public DateTimeOffset CreatedOn { get; init; }

    public DateTimeOffset ModifiedOn { get; set; }
}
