using System.Text.Json;
using DockFlare.CloudflareEmulator.Endpoints;
using DockFlare.CloudflareEmulator.State;

namespace DockFlare.CloudflareEmulator;

/// <summary>
/// A started emulator: where it listens, what it was seeded with, and the admin operations tests use
/// (also reachable over HTTP under <c>/__emulator</c>). Dispose it to stop it.
/// </summary>
public sealed class RunningEmulator : IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorStore _store;

    internal RunningEmulator(WebApplication app, Uri rootUrl, EmulatorStore store, EmulatorOptions options)
    {
        _app = app;
        _store = store;
        RootUrl = rootUrl;
        Options = options;
        lock (store.Gate)
        {
            var account = store.Accounts.Values.FirstOrDefault();
            AccountId = account?.Id ?? "";
            ZoneIds = store.Zones.Values.ToDictionary(z => z.Name, z => z.Id, StringComparer.OrdinalIgnoreCase);
            Token = store.Tokens.Values.FirstOrDefault()?.Value ?? "";
        }
    }

    /// <summary>The server root, such as <c>http://127.0.0.1:41234/</c> (admin API under <c>__emulator/</c>).</summary>
    public Uri RootUrl { get; }

    /// <summary>The API base to give a client as <c>CF_API_BASE_URL</c>: <c>…/client/v4/</c>.</summary>
    public Uri BaseUrl => new(RootUrl, "client/v4/");

    /// <summary>The first seeded account's id.</summary>
    public string AccountId { get; }

    /// <summary>Every seeded zone's id by zone name.</summary>
    public IReadOnlyDictionary<string, string> ZoneIds { get; }

    /// <summary>The first seeded token (the default seed's token has every permission).</summary>
    public string Token { get; }

    /// <summary>The options the emulator runs with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Every API call received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _app.Services.GetRequiredService<RequestLog>().Snapshot();

    internal EmulatorStore Store => _store;

    /// <summary>Injects a fault (see <see cref="FaultRule"/>).</summary>
    public void AddFault(FaultRule fault) => _app.Services.GetRequiredService<FaultBook>().Add(fault);

    /// <summary>Removes every injected fault.</summary>
    public void ClearFaults() => _app.Services.GetRequiredService<FaultBook>().Clear();

    /// <summary>Forgets the calls received so far.</summary>
    public void ClearRequests() => _app.Services.GetRequiredService<RequestLog>().Clear();

    /// <summary>Attaches a fake cloudflared connector to a live tunnel and returns its id.</summary>
    /// <exception cref="InvalidOperationException">No live tunnel has that id.</exception>
    public string AttachConnector(string tunnelId)
    {
        lock (_store.Gate)
        {
            return _store.Tunnels.TryGetValue(tunnelId, out var tunnel) && tunnel.DeletedAt is null
                ? TunnelConfigEndpoints.Attach(_store, tunnel).Id
                : throw new InvalidOperationException($"No live tunnel {tunnelId}.");
        }
    }

    /// <summary>Switches Zero Trust Access on or off for an account (off: Access calls answer 403/9999).</summary>
    public void SetAccessEnabled(string accountId, bool enabled)
    {
        lock (_store.Gate)
        {
            _store.Accounts[accountId].AccessEnabled = enabled;
        }
    }

    /// <summary>The whole state as JSON (secrets left out), as <c>GET /__emulator/state</c> returns it.</summary>
    public JsonDocument State()
    {
        lock (_store.Gate)
        {
            return JsonDocument.Parse(StateDump.Render(_store).ToJsonString());
        }
    }

    /// <summary>Completes when the emulator is asked to stop (Ctrl+C or SIGTERM when standalone).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops the emulator, blocking.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
