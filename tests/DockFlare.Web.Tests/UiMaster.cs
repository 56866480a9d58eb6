using System.Collections.Concurrent;
using Autofac;
using DockFlare.Host;
using DockFlare.Modules.Auth;
using DockFlare.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace DockFlare.Web.Tests;

/// <summary>
/// The real master, built as Program builds it, in sandbox mode on a free loopback port with its own data folder;
/// optionally watching the test dockerd under its own label prefix so other suites' containers stay out of sight.
/// </summary>
public sealed class UiMaster : IAsyncDisposable
{
    public const string ApiKey = "ui-test-api-key-0123456789-abcdefghij";

    private readonly WebApplication _app;
    private readonly string _data;

    private readonly bool _ownsData;

    private UiMaster(WebApplication app, string data, bool ownsData, Announcer announcer, string suffix)
    {
        _ownsData = ownsData;
        _app = app;
        _data = data;
        Announcements = announcer;
        Suffix = suffix;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Api.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>A client of the REST API with the bootstrap admin key.</summary>
    public HttpClient Api { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// A client of the sandbox's Cloudflare (the emulator the master works against), authorized with its token, so a
    /// test can put objects there that DockFlare did not make.
    /// </summary>
    public HttpClient CloudflareClient()
    {
        var configuration = Services.GetRequiredService<IConfiguration>();
        var client = new HttpClient { BaseAddress = new Uri(configuration["CF_API_BASE_URL"]!), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", configuration["CF_API_TOKEN"]);
        return client;
    }

    /// <summary>Unique to this master: its label prefix, tunnel name and network carry it.</summary>
    public string Suffix { get; }

    /// <summary>The label prefix the master reads (<c>ui&lt;suffix&gt;</c>) when it watches Docker.</summary>
    public string LabelPrefix => "ui" + Suffix;

    internal Announcer Announcements { get; }

    /// <summary>The setup code the master printed at start.</summary>
    public string SetupCode => Announcements.SetupCodes[^1];

    public static Task<UiMaster> StartAsync(bool watchDocker = false, params string[] extra) =>
        StartAsync(watchDocker, sandbox: true, dataDirectory: null, extra);

    /// <param name="watchDocker">Publish the test dockerd's containers (under a label prefix of this master's own).</param>
    /// <param name="sandbox">Work against the in-process emulator; false: whatever Cloudflare <paramref name="extra"/> names, or none.</param>
    /// <param name="dataDirectory">An existing data folder to start on (kept on dispose), to restart a master; null: a new one.</param>
    /// <param name="extra">More <c>--KEY=value</c> settings.</param>
    public static async Task<UiMaster> StartAsync(bool watchDocker, bool sandbox, string? dataDirectory, params string[] extra)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var data = dataDirectory ?? Directory.CreateTempSubdirectory("dockflare-ui-").FullName;
        var announcer = new Announcer();
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--DOCKFLARE_SANDBOX={(sandbox ? "true" : "false")}",
            $"--DATA_DIR={data}",
            $"--PLUGINS_DIR={Path.Combine(AppContext.BaseDirectory, "plugins")}",
            $"--DOCKFLARE_API_KEY={ApiKey}",
            "--LOG_LEVEL=WARNING",
            "--RECONCILE_DEBOUNCE_MS=100",
            $"--TUNNEL_NAME=ui-{suffix}",
        };
        if (watchDocker)
        {
            args.AddRange([
                $"--DOCKER_HOST={TestInfrastructure.DockerHost}",
                $"--LABEL_PREFIX=ui{suffix}",
                $"--CLOUDFLARED_IMAGE={TestInfrastructure.Image}",
                $"--CLOUDFLARED_NETWORK_NAME=ui-{suffix}",
            ]);
        }
        else
        {
            args.Add("--DOCKER_SOURCE_ENABLED=false");
        }

        args.AddRange(extra);
        var app = DockFlareApp.Build([.. args], container => container.RegisterInstance(announcer).As<IApiKeyAnnouncer>());
        await app.StartAsync();
        return new UiMaster(app, data, dataDirectory is null, announcer, suffix);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsData)
        {
            return;
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing job; the temp folder is cleaned by the OS.
        }
    }

    internal sealed class Announcer : IApiKeyAnnouncer
    {
        private readonly ConcurrentQueue<string> _codes = new();

        public IReadOnlyList<string> SetupCodes => [.. _codes];

        public void Announce(string apiKey)
        {
        }

        public void AnnounceSetupCode(string setupCode) => _codes.Enqueue(setupCode);
    }
}
