using System.Net.Http.Headers;
using System.Text;
using DockFlare.CloudflareEmulator;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Account = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Tunnels.Tests;

/// <summary>The real provider on an emulator, plus the Tunnels classes wired to it with captured logs and a fake clock.</summary>
internal sealed class TunnelsTestBed : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;

    private TunnelsTestBed(CloudflareHarness harness)
    {
        Harness = harness;
        _loggers = LoggerFactory.Create(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    public CloudflareHarness Harness { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public Account Account => new(Harness.AccountId, IsSandbox: false);

    public ICloudflareTunnels Tunnels => Harness.Tunnels;

    public static CancellationToken Ct => CancellationToken.None;

    public static async Task<TunnelsTestBed> StartAsync() => new(await CloudflareHarness.StartAsync());

    public MasterTunnel Master(TunnelsOptions options) => new(Tunnels, Account, options, _loggers.CreateLogger<MasterTunnel>(), Time);

    public TunnelDirectory Directory(IMasterTunnel master) => new(master, Tunnels, Account, Time);

    public IngressGateway Gateway() => new(Tunnels, Account, _loggers.CreateLogger<IngressGateway>());

    public async Task<string> CreateTunnelAsync(string name) => (await Tunnels.CreateTunnelAsync(Harness.AccountId, name, Ct)).Tunnel.Id;

    /// <summary>Writes a configuration as the dashboard would, raw JSON and all, bypassing the provider's model.</summary>
    public async Task SeedConfigurationAsync(string tunnelId, string configJson)
    {
        using var http = new HttpClient { BaseAddress = Harness.Emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Harness.Emulator.Token);
        using var body = new StringContent($$"""{"config":{{configJson}}}""", Encoding.UTF8, "application/json");
        using var response = await http.PutAsync(new Uri($"accounts/{Harness.AccountId}/cfd_tunnel/{tunnelId}/configurations", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The calls received so far with this method whose path ends with <paramref name="pathSuffix"/>.</summary>
    public IReadOnlyList<RecordedRequest> Calls(string method, string pathSuffix) =>
        [.. Harness.Requests.Where(r => r.Method == method && r.Path.EndsWith(pathSuffix, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        _loggers.Dispose();
        Logs.Dispose();
        await Harness.DisposeAsync();
    }
}
