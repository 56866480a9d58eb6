using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DockFlare.CloudflareEmulator;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// The Cloudflare emulator in-process with a benchmark's zones, and a live tunnel for the master's own ingress
/// (<c>USE_EXTERNAL_CLOUDFLARED</c>: the master runs no cloudflared). The master is pointed at it with
/// <c>CF_API_BASE_URL</c>, <c>CF_API_TOKEN</c> and <c>CF_ACCOUNT_ID</c>, as it would be at the real Cloudflare.
/// </summary>
internal sealed class BenchCloudflare : IAsyncDisposable
{
    // The benchmark's own calls (creating the master's tunnel) use another token, so they do not count against the
    // master's rate-limit window (the emulator keeps one window per token, as Cloudflare does per credential).
    private const string SetupToken = "dockflare-bench-setup-token-0123456789abcdef";

    private BenchCloudflare(RunningEmulator emulator, IReadOnlyList<string> zoneNames, string masterTunnelId)
    {
        Emulator = emulator;
        ZoneNames = zoneNames;
        MasterTunnelId = masterTunnelId;
    }

    public RunningEmulator Emulator { get; }

    /// <summary><c>example0.com</c>, <c>example1.com</c>, …</summary>
    public IReadOnlyList<string> ZoneNames { get; }

    public string MasterTunnelId { get; }

    /// <param name="zones">How many zones the account has.</param>
    /// <param name="rateLimitRequests">Cloudflare's limit per 5 minutes (1,200), or null for practically none.</param>
    public static async Task<BenchCloudflare> StartAsync(int zones, int? rateLimitRequests)
    {
        var names = Enumerable.Range(0, zones).Select(i => string.Create(CultureInfo.InvariantCulture, $"example{i}.com")).ToList();
        var options = new EmulatorOptions
        {
            Seed = new EmulatorSeed
            {
                Accounts = [new SeedAccount { Name = "DockFlare Bench", Zones = [.. names.Select(n => new SeedZone { Name = n })] }],
                Tokens = [new SeedToken(), new SeedToken { Value = SetupToken }],
            },
            RateLimitRequests = rateLimitRequests ?? int.MaxValue,
        };
        var emulator = await CloudflareEmulatorApp.StartAsync(options);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SetupToken);
        using var response = await http.PostAsJsonAsync(
            new Uri($"accounts/{emulator.AccountId}/cfd_tunnel", UriKind.Relative), new { name = "dockflare-bench-master", config_src = "cloudflare" });
        response.EnsureSuccessStatusCode();
        var tunnelId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["result"]!["id"]!.GetValue<string>();
        emulator.ClearRequests();
        return new BenchCloudflare(emulator, names, tunnelId);
    }

    /// <summary>The settings that point a master at this emulator, with its own tunnel run "by the user".</summary>
    public Dictionary<string, string> MasterSettings(BenchSettings bench) => new(StringComparer.Ordinal)
    {
        ["REDIS_URL"] = bench.RedisUrl,
        ["CF_API_BASE_URL"] = Emulator.BaseUrl.AbsoluteUri,
        ["CF_API_TOKEN"] = Emulator.Token,
        ["CF_ACCOUNT_ID"] = Emulator.AccountId,
        ["USE_EXTERNAL_CLOUDFLARED"] = "true",
        ["EXTERNAL_TUNNEL_ID"] = MasterTunnelId,
        ["AGENT_RATE_LIMIT_PER_MINUTE"] = "100000",
    };

    /// <summary>Recorded calls grouped by method and path pattern (ids replaced by <c>{id}</c>), most frequent first.</summary>
    public static IEnumerable<(string Pattern, int Count)> ByPattern(IEnumerable<RecordedRequest> requests) =>
        requests.GroupBy(r => r.Method + " " + Pattern(r.Path), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2)
            .ThenBy(g => g.Key, StringComparer.Ordinal);

    public static string Pattern(string path) =>
        string.Join('/', path.Split('/').Select(part => part.Length >= 32 && part.Replace("-", "", StringComparison.Ordinal).All(Uri.IsHexDigit) ? "{id}" : part));

    public async ValueTask DisposeAsync() => await Emulator.DisposeAsync();
}
