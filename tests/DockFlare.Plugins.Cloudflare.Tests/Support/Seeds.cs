using DockFlare.CloudflareEmulator;

namespace DockFlare.Plugins.Cloudflare.Tests.Support;

/// <summary>Seed variations used by several tests.</summary>
internal static class Seeds
{
    public const string UserToken = SeedToken.DefaultValue;
    public const string AccountToken = "cfat_account-owned-token-0123456789abcdefgh";

    public static EmulatorOptions WithZoneRecords(IReadOnlyList<SeedDnsRecord> records) => new()
    {
        Seed = EmulatorSeed.Default with
        {
            Accounts = [EmulatorSeed.Default.Accounts[0] with { Zones = [new SeedZone { Name = "example.com", Records = records }] }],
        },
    };

    public static EmulatorOptions WithZones(int count) => new()
    {
        Seed = EmulatorSeed.Default with
        {
            Accounts = [EmulatorSeed.Default.Accounts[0] with { Zones = [.. Enumerable.Range(1, count).Select(i => new SeedZone { Name = $"zone{i:000}.example" }), new SeedZone { Name = "example.com" }] }],
        },
    };

    public static EmulatorOptions WithTokens(params SeedToken[] tokens) => new()
    {
        Seed = EmulatorSeed.Default with { Tokens = [new SeedToken(), .. tokens] },
    };
}
