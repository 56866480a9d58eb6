using System.Net.Http.Headers;
using Autofac;
using DockFlare.Core.Reconciliation;
using DockFlare.Modules.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NSubstitute;

namespace DockFlare.Host.Tests;

/// <summary>
/// The real master, built by <see cref="DockFlareApp"/> as Program builds it, on a free loopback port, with an
/// empty plugins folder, its own data folder, and fakes for the reconciliation contracts.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0123456789-abcdefghij";

    private readonly TempFolder? _ownedData;
    private readonly TempFolder _plugins = new();
    private WebApplication _app = null!;

    private TestHost(TempFolder? ownedData)
    {
        _ownedData = ownedData;
    }

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public IServiceProvider Services => _app.Services;

    /// <summary>Every endpoint the host maps (API, UI pages, health, Hangfire).</summary>
    public IEnumerable<Microsoft.AspNetCore.Http.Endpoint> Endpoints => ((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints);

    /// <summary>The reconciler the host uses; by default it reports no route (tests configure more).</summary>
    public IReconciler Reconciler { get; } = NoRoutes();

    private static IReconciler NoRoutes()
    {
        var reconciler = Substitute.For<IReconciler>();
        reconciler.GetRoutesAsync(Arg.Any<CancellationToken>()).Returns(new RoutesReport([], [], null, false));
        return reconciler;
    }

    public IReconcileTrigger Trigger { get; } = Substitute.For<IReconcileTrigger>();

    public ITunnelDirectory Tunnels { get; } = Substitute.For<ITunnelDirectory>();

    public IZoneCatalog Zones { get; } = Substitute.For<IZoneCatalog>();

    public RecordingAnnouncer Announcer { get; } = new();

    /// <summary>A client that sends <see cref="ApiKey"/>.</summary>
    public HttpClient Authorized(string key = ApiKey)
    {
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return Client;
    }

    /// <param name="args">Extra arguments (<c>--sandbox</c>, <c>--KEY=value</c>).</param>
    /// <param name="dataDirectory">The data folder; a fresh one (deleted on dispose) when null.</param>
    /// <param name="apiKey">DOCKFLARE_API_KEY, or null to let the host generate one.</param>
    public static async Task<TestHost> StartAsync(string[]? args = null, string? dataDirectory = null, string? apiKey = ApiKey)
    {
        var host = new TestHost(dataDirectory is null ? new TempFolder() : null);
        var all = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--DATA_DIR={dataDirectory ?? host._ownedData!.Path}",
            $"--PLUGINS_DIR={host._plugins.Path}",
            "--LOG_LEVEL=WARNING",
        };
        if (apiKey is not null)
        {
            all.Add($"--DOCKFLARE_API_KEY={apiKey}");
        }

        all.AddRange(args ?? []);
        try
        {
            host._app = DockFlareApp.Build([.. all], container =>
            {
                container.RegisterInstance(host.Reconciler).As<IReconciler>().ExternallyOwned();
                container.RegisterInstance(host.Trigger).As<IReconcileTrigger>().ExternallyOwned();
                container.RegisterInstance(host.Tunnels).As<ITunnelDirectory>().ExternallyOwned();
                // The fake is the only directory: the real one would ask a Cloudflare these tests do not have.
                container.Register<IEnumerable<ITunnelDirectory>>(_ => [host.Tunnels]).ExternallyOwned();
                container.RegisterInstance(host.Zones).As<IZoneCatalog>().ExternallyOwned();
                container.RegisterInstance(host.Announcer).As<IApiKeyAnnouncer>().ExternallyOwned();
            });
            await host._app.StartAsync();
        }
        catch
        {
            if (host._app is not null)
            {
                await host._app.DisposeAsync();
            }

            host._ownedData?.Dispose();
            host._plugins.Dispose();
            throw;
        }

        var address = host._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Client.BaseAddress = new Uri(address);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownedData?.Dispose();
        _plugins.Dispose();
    }
}
