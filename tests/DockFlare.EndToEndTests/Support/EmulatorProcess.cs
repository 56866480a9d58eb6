using System.Net.Http.Headers;
using System.Text.Json;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// The Cloudflare emulator run standalone (<c>dotnet DockFlare.CloudflareEmulator.dll --urls … --zone …</c>, as its README
/// shows): it prints the account id and the token it was seeded with. Its admin API (<c>/__emulator/state</c>,
/// <c>/__emulator/requests</c>) is how the test sees what Cloudflare holds and which calls were made.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly HttpClient _client;

    private EmulatorProcess(ChildProcess process, Uri root)
    {
        _process = process;
        RootUrl = root;
        _client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri RootUrl { get; }

    /// <summary><c>CF_API_BASE_URL</c>.</summary>
    public Uri BaseUrl => new(RootUrl, "client/v4/");

    public string AccountId { get; private set; } = "";

    public string Token { get; private set; } = "";

    public static async Task<EmulatorProcess> StartAsync(string folder, IEnumerable<string> zones)
    {
        var root = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        string[] arguments = [ProductBuild.Emulator, "--urls", root.AbsoluteUri.TrimEnd('/'), .. zones.SelectMany(z => new[] { "--zone", z })];
        var process = ChildProcess.Start("emulator", "dotnet", arguments, new Dictionary<string, string>(), Path.Combine(folder, "emulator.log"));
        var emulator = new EmulatorProcess(process, root);
        await Eventually.TrueAsync(() => Task.FromResult(process.Wrote("CF_API_TOKEN=") || process.HasExited), "the emulator to print its settings");
        Assert.False(process.HasExited, "The emulator exited: " + string.Join('\n', process.Tail()));
        emulator.AccountId = Printed(process, "CF_ACCOUNT_ID=");
        emulator.Token = Printed(process, "CF_API_TOKEN=");
        return emulator;
    }

    /// <summary>The emulated account: <c>zones[].dns_records</c>, <c>tunnels[].config.ingress</c>, <c>access.apps</c>….</summary>
    public async Task<JsonElement> AccountAsync()
    {
        using var state = JsonDocument.Parse(await _client.GetStringAsync(new Uri("__emulator/state", UriKind.Relative)));
        return state.RootElement.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == AccountId).Clone();
    }

    /// <summary>The API calls received since the last <see cref="ForgetRequestsAsync"/>: method, path, status.</summary>
    public async Task<IReadOnlyList<(string Method, string Path, int Status)>> RequestsAsync()
    {
        using var log = JsonDocument.Parse(await _client.GetStringAsync(new Uri("__emulator/requests", UriKind.Relative)));
        return [.. log.RootElement.EnumerateArray().Select(r => (r.GetProperty("method").GetString()!, r.GetProperty("path").GetString()!, r.GetProperty("status").GetInt32()))];
    }

    /// <summary>The calls that changed something: every successful call other than a GET.</summary>
    public async Task<IReadOnlyList<(string Method, string Path, int Status)>> WritesAsync() =>
        [.. (await RequestsAsync()).Where(r => r.Method != "GET" && r.Status is >= 200 and < 300)];

    public async Task ForgetRequestsAsync()
    {
        using var response = await _client.DeleteAsync(new Uri("__emulator/requests", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The connector token Cloudflare gives for <paramref name="tunnelId"/>.</summary>
    public async Task<string> TunnelTokenAsync(string tunnelId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUrl, $"accounts/{AccountId}/cfd_tunnel/{tunnelId}/token"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("result").GetString()!;
    }

    public IReadOnlyList<string> Tail() => _process.Tail();

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _process.DisposeAsync();
    }

    private static string Printed(ChildProcess process, string prefix) =>
        process.Tail().Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
}
