using DockFlare.CloudflareEmulator;
using DockFlare.Core.Reconciliation;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Dns.Tests;

/// <summary>The emulator (three zones of ours, one pending, one of another account) with the DNS module's classes on the real provider.</summary>
internal sealed class DnsSandbox : IAsyncDisposable
{
    public const string Instance = "inst-a";

    private DnsSandbox(CloudflareHarness harness, DnsOptions options)
    {
        Harness = harness;
        Options = options;
        Catalog = new ZoneCatalog(harness.Zones, new CloudflareAccount(harness.AccountId, IsSandbox: true), options,
            harness.Get<ILogger<ZoneCatalog>>(), Clock);
        Gateway = new DnsGateway(harness.Dns, options, harness.Get<ILogger<DnsGateway>>());
    }

    public CloudflareHarness Harness { get; }

    public DnsOptions Options { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ZoneCatalog Catalog { get; }

    public DnsGateway Gateway { get; }

    public static EmulatorSeed Seed { get; } = new()
    {
        Accounts =
        [
            new SeedAccount
            {
                Name = "Ours",
                Zones =
                [
                    new SeedZone
                    {
                        Name = "example.com",
                        Records =
                        [
                            new SeedDnsRecord("A", "nas.example.com", "198.51.100.7"),
                            new SeedDnsRecord("A", "www.example.com", "198.51.100.8"),
                            new SeedDnsRecord("TXT", "example.com", "v=spf1 -all"),
                        ],
                    },
                    new SeedZone { Name = "example.co.uk", Records = [new SeedDnsRecord("A", "shop.example.co.uk", "198.51.100.9")] },
                    new SeedZone { Name = "example.net" },
                    new SeedZone { Name = "example.org", Status = "pending" },
                ],
            },
            new SeedAccount { Name = "Someone else", Zones = [new SeedZone { Name = "other.com" }] },
        ],
        Tokens = [new SeedToken()],
    };

    public KnownZone Zone(string name) => new(Harness.Emulator.ZoneIds[name], name);

    public static async Task<DnsSandbox> StartAsync(DnsOptions? options = null, EmulatorOptions? emulator = null)
    {
        var harness = await CloudflareHarness.StartAsync(emulator ?? new EmulatorOptions { Seed = Seed });
        return new DnsSandbox(harness, options ?? new DnsOptions());
    }

    /// <summary>Creates a record straight through the provider (as a dashboard edit or an earlier run would).</summary>
    public async Task<DnsRecord> AddRecordAsync(string zone, string type, string name, string content, string? comment = null)
    {
        var record = await Harness.Dns.CreateDnsRecordAsync(Harness.Emulator.ZoneIds[zone],
            new DnsRecordInput(type, name, content, Proxied: type == "CNAME", Comment: comment), CloudflareHarness.Ct);
        Harness.Emulator.ClearRequests();
        return record;
    }

    public async ValueTask DisposeAsync()
    {
        Catalog.Dispose();
        Gateway.Dispose();
        await Harness.DisposeAsync();
    }
}
