using System.Text.Json;
using Autofac;
using DockFlare.CloudflareEmulator;
using DockFlare.Core.Engine;
using DockFlare.Core.Labels;
using DockFlare.Core.Reconciliation;
using DockFlare.Core.State;
using DockFlare.Modules.Access;
using DockFlare.Modules.Dns;
using DockFlare.Modules.State;
using DockFlare.Modules.Tunnels;
using DockFlare.Plugins.Abstractions;
using DockFlare.Plugins.Abstractions.Cloudflare;
using DockFlare.Testing.Cloudflare;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using CloudflareAccount = DockFlare.Core.Reconciliation.CloudflareAccount;

namespace DockFlare.Modules.Reconciliation.Tests;

/// <summary>
/// The real reconciliation path — state store (files in a temp folder), tunnels, DNS, Access and the
/// reconciler, composed by their own Autofac modules — against the emulator, with a fake clock.
/// A second bed on the same data folder and emulator is a restarted master.
/// </summary>
internal sealed class ReconcileBed : IAsyncDisposable
{
    public const string TunnelName = "dockflare-test";
    private readonly IContainer _container;
    private readonly bool _ownsCloudflare;

    private ReconcileBed(CloudflareHarness cloudflare, IContainer container, string dataDirectory, FakeTimeProvider time, bool ownsCloudflare)
    {
        Cloudflare = cloudflare;
        _container = container;
        DataDirectory = dataDirectory;
        Time = time;
        _ownsCloudflare = ownsCloudflare;
    }

    public CloudflareHarness Cloudflare { get; }

    public RunningEmulator Emulator => Cloudflare.Emulator;

    public string DataDirectory { get; }

    public FakeTimeProvider Time { get; }

    public IReconciler Reconciler => _container.Resolve<IReconciler>();

    public IStateStore Store => _container.Resolve<IStateStore>();

    public static EmulatorOptions Zones(params string[] names) => new()
    {
        Seed = EmulatorSeed.Default with
        {
            Accounts = [EmulatorSeed.Default.Accounts[0] with { Zones = [.. names.Select(n => new SeedZone { Name = n })] }],
        },
    };

    public static async Task<ReconcileBed> StartAsync(
        EmulatorOptions? options = null, Action<ContainerBuilder>? configure = null, int gracePeriodSeconds = 600)
    {
        var cloudflare = await CloudflareHarness.StartAsync(options ?? Zones("example.com", "example.net", "example.co.uk"));
        var data = Directory.CreateTempSubdirectory("dockflare-reconcile-").FullName;
        return Build(cloudflare, data, new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)), configure, gracePeriodSeconds, owns: true);
    }

    /// <summary>A new master on the same data folder and the same Cloudflare: what a restart looks like.</summary>
    public ReconcileBed Restart(Action<ContainerBuilder>? configure = null, int gracePeriodSeconds = 600)
    {
        _container.Dispose();
        return Build(Cloudflare, DataDirectory, Time, configure, gracePeriodSeconds, owns: true);
    }

    private static ReconcileBed Build(
        CloudflareHarness cloudflare, string data, FakeTimeProvider time, Action<ContainerBuilder>? configure, int gracePeriodSeconds, bool owns)
    {
        var builder = new ContainerBuilder();
        builder.RegisterInstance(cloudflare.Tunnels).As<ICloudflareTunnels>();
        builder.RegisterInstance(cloudflare.Zones).As<ICloudflareZones>();
        builder.RegisterInstance(cloudflare.Dns).As<ICloudflareDnsRecords>();
        builder.RegisterInstance(cloudflare.Apps).As<ICloudflareAccessApplications>();
        builder.RegisterInstance(cloudflare.Policies).As<ICloudflareAccessPolicies>();
        builder.RegisterInstance(cloudflare.Groups).As<ICloudflareAccessGroups>();
        builder.RegisterInstance(cloudflare.Accounts).As<ICloudflareAccounts>();
        builder.RegisterInstance(cloudflare.IdentityProviders).As<ICloudflareIdentityProviders>();
        builder.RegisterInstance(cloudflare.ServiceTokens).As<ICloudflareServiceTokens>();
        builder.RegisterInstance(new CloudflareAccount(cloudflare.AccountId, false));
        builder.RegisterInstance(new LabelEngineOptions());
        builder.RegisterInstance<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.RegisterGeneric(typeof(NullLogger<>)).As(typeof(ILogger<>)).SingleInstance();
        builder.RegisterInstance<TimeProvider>(time);
        builder.RegisterModule(new StateModule(new StateOptions { DataDirectory = data }));
        builder.RegisterModule(new TunnelsModule(new TunnelsOptions { TunnelName = TunnelName }));
        builder.RegisterModule(new DnsModule(new DnsOptions()));
        builder.RegisterModule(new AccessModule(new AccessOptions()));
        builder.RegisterModule(new ReconciliationModule(new ReconciliationOptions { GracePeriodSeconds = gracePeriodSeconds }));
        configure?.Invoke(builder);
        return new ReconcileBed(cloudflare, builder.Build(), data, time, owns);
    }

    public T Resolve<T>()
        where T : notnull => _container.Resolve<T>();

    /// <summary>Reports a full list of the local engine, as the Docker source does after a scan.</summary>
    public Task<bool> ListLocalAsync(params ContainerSnapshot[] containers) =>
        new LocalInventorySync(Store, Resolve<ReconciliationOptions>(), new LabelEngineOptions(), Time).ApplyAsync(containers, CancellationToken.None);

    /// <summary>Stores the complete container list of one agent host (what the Agents module will do).</summary>
    public async Task ListAgentAsync(string agentId, params ContainerInput[] containers)
    {
        var source = RouteSourceKey.Agent(agentId);
        var current = await Store.GetRoutesAsync(source);
        var owners = (await Store.ListGraceDeadlinesAsync()).Where(d => d.Source == source).Select(d => d.OwnerKey).ToHashSet(StringComparer.Ordinal);
        var change = ContainerInventory.Merge(current.Routes.Containers, containers, owners);
        await Store.ReplaceRoutesAsync(source, current.Routes with { Containers = change.Containers }, current.Version);
        foreach (var owner in change.StartDeadlines)
        {
            await Store.SetGraceDeadlineAsync(new GraceDeadline(owner, source, Time.GetUtcNow() + TimeSpan.FromMinutes(10)));
        }
    }

    public async Task SetManualRulesAsync(params ManualRule[] rules)
    {
        var current = await Store.GetRoutesAsync(RouteSourceKey.Manual);
        await Store.ReplaceRoutesAsync(RouteSourceKey.Manual, current.Routes with { ManualRules = rules }, current.Version);
    }

    public static ContainerSnapshot Container(string name, IReadOnlyDictionary<string, string> labels, bool running = true, string? id = null) =>
        new(id ?? name + "-id", name, "app:latest", running ? "running" : "exited", labels, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static Dictionary<string, string> Labels(string hostname, string service, params (string Key, string Value)[] more)
    {
        var labels = new Dictionary<string, string> { ["dockflare.enable"] = "true", ["dockflare.hostname"] = hostname, ["dockflare.service"] = service };
        foreach (var (key, value) in more)
        {
            labels["dockflare." + key] = value;
        }

        return labels;
    }

    public async Task<ReconcileOutcome> ReconcileAsync(string cause = "test")
    {
        var outcome = await Reconciler.ReconcileAsync(cause, CancellationToken.None);
        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Errors));
        return outcome;
    }

    /// <summary>Runs the grace-expiry job at the current fake time.</summary>
    public Task ExpireGraceAsync() =>
        _container.Resolve<IEnumerable<Core.Jobs.IRecurringJob>>().Single(j => j.Id == "grace-expiry").RunAsync(CancellationToken.None);

    /// <summary>The mutating calls Cloudflare received since <paramref name="since"/> (a request sequence number).</summary>
    public IReadOnlyList<RecordedRequest> WritesSince(long since = 0) =>
        [.. Emulator.Requests.Where(r => r.Sequence > since && r.Method is not "GET")];

    public long LastSequence => Emulator.Requests.Count == 0 ? 0 : Emulator.Requests.Max(r => r.Sequence);

    public async Task<CloudflareTunnel> MasterTunnelAsync() =>
        Assert.Single(await Cloudflare.Tunnels.ListTunnelsAsync(Cloudflare.AccountId, new TunnelQuery(TunnelName), CancellationToken.None));

    public async Task<IReadOnlyList<Plugins.Abstractions.Cloudflare.IngressRule>> IngressAsync(string? tunnelId = null)
    {
        tunnelId ??= (await MasterTunnelAsync()).Id;
        return (await Cloudflare.Tunnels.GetTunnelConfigurationAsync(Cloudflare.AccountId, tunnelId, CancellationToken.None)).Config?.Ingress ?? [];
    }

    public async Task<IReadOnlyList<DnsRecord>> DnsAsync(string zone = "example.com") =>
        await Cloudflare.Dns.ListDnsRecordsAsync(Emulator.ZoneIds[zone], DnsRecordQuery.All, CancellationToken.None);

    public static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body ?? "{}").RootElement;

    public async ValueTask DisposeAsync()
    {
        _container.Dispose();
        if (_ownsCloudflare)
        {
            await Cloudflare.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // a later bed on the same folder removes it
        }
    }
}
