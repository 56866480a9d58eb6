namespace DockFlare.CloudflareEmulator;

/// <summary>How an emulator instance behaves: its seed data, its rate limit and the choices SPEC.md leaves open.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The accounts, zones, records and tokens to start with (<see cref="EmulatorSeed.Default"/> when not set).</summary>
    public EmulatorSeed Seed { get; init; } = EmulatorSeed.Default;

    /// <summary>Requests allowed per token per <see cref="RateLimitWindow"/> (Cloudflare: 1,200 per 5 minutes).</summary>
    public int RateLimitRequests { get; init; } = 1200;

    /// <summary>The sliding rate-limit window.</summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The code for an identical DNS record: 81057 (older, what DockFlare checks) or 81058 (current).</summary>
    public int IdenticalRecordCode { get; init; } = 81057;

    /// <summary>The code for a well-formed but unknown zone id: 1003 (default) or 7003.</summary>
    public int UnknownZoneCode { get; init; } = 1003;

    /// <summary>The clock (tests may pass a fake one).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
