using DockFlare.CloudflareEmulator;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Cloudflare;
using DockFlare.Plugins.Abstractions.Cloudflare;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Testing.Cloudflare;

/// <summary>
/// An emulator on 127.0.0.1 (free port) and the provider registered exactly as the host registers it
/// (through <see cref="CloudflarePlugin"/>), pointed at it. One per test: nothing is shared.
/// </summary>
public sealed class CloudflareHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CloudflareHarness(RunningEmulator emulator, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Emulator = emulator;
        _services = services;
        Logs = logs;
    }

    public RunningEmulator Emulator { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public string AccountId => Emulator.AccountId;

    public string ZoneId => Emulator.ZoneIds["example.com"];

    public ICloudflareAccounts Accounts => Get<ICloudflareAccounts>();

    public ICloudflareZones Zones => Get<ICloudflareZones>();

    public ICloudflareDnsRecords Dns => Get<ICloudflareDnsRecords>();

    public ICloudflareTunnels Tunnels => Get<ICloudflareTunnels>();

    public ICloudflareAccessApplications Apps => Get<ICloudflareAccessApplications>();

    public ICloudflareAccessPolicies Policies => Get<ICloudflareAccessPolicies>();

    public ICloudflareAccessGroups Groups => Get<ICloudflareAccessGroups>();

    public ICloudflareIdentityProviders IdentityProviders => Get<ICloudflareIdentityProviders>();

    public ICloudflareServiceTokens ServiceTokens => Get<ICloudflareServiceTokens>();

    public ICloudflareRequestBudget Budget => Get<ICloudflareRequestBudget>();

    public ICloudflareTokenVerifier Verifier => Get<ICloudflareTokenVerifier>();

    public static CancellationToken Ct => CancellationToken.None;

    public static async Task<CloudflareHarness> StartAsync(
        EmulatorOptions? options = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? token = null)
    {
        var emulator = await CloudflareEmulatorApp.StartAsync(options ?? new EmulatorOptions(), cancellationToken: Ct);
        var values = new Dictionary<string, string?>
        {
            ["CF_API_BASE_URL"] = emulator.BaseUrl.ToString(),
            ["CF_API_TOKEN"] = token ?? emulator.Token,
            ["CF_ACCOUNT_ID"] = emulator.AccountId,
            ["CF_API_RETRY_BASE_DELAY_MS"] = "10",
            ["CF_API_MAX_RETRIES"] = "3",
            ["CF_API_ATTEMPT_TIMEOUT_SECONDS"] = "10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var manifest = new PluginManifest { Id = "cloudflare", Version = "1.0.0", MinContractVersion = "1.0", EntryAssembly = "DockFlare.Plugins.Cloudflare.dll" };
        new CloudflarePlugin().Register(services, new PluginContext(manifest, AppContext.BaseDirectory, configuration));
        return new CloudflareHarness(emulator, services.BuildServiceProvider(), logs);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The calls the emulator received, excluding nothing.</summary>
    public IReadOnlyList<RecordedRequest> Requests => Emulator.Requests;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
