using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 2: a reconcile when nothing changed. 20 agents (20 tunnels) publish 1,000 routes over 5 zones on the
/// emulator; once every route is active, the emulator's recorded calls are cleared and <c>POST /api/v2/reconcile</c>
/// runs. Target: no write call; reads no more than one per tunnel plus one per zone. The emulator's rate limit is off
/// here (the set-up writes one DNS record per route; the cost of that is benchmark 3).
/// </summary>
internal static class NoChangeReconcileBenchmark
{
    private const int Agents = 20;
    private const int Zones = 5;
    private const int Runs = 3;

    /// <param name="containersPerAgent">50 is the 1,000 routes of the issue; 200 and 800 give 4× and 16×.</param>
    public static async Task RunAsync(BenchSettings bench, IReadOnlyList<int> containersPerAgent)
    {
        foreach (var perAgent in containersPerAgent)
        {
            await RunOnceAsync(bench, perAgent);
        }
    }

    private static async Task RunOnceAsync(BenchSettings bench, int perAgent)
    {
        var routes = Agents * perAgent;
        await bench.FlushRedisAsync();
        await using var cloudflare = await BenchCloudflare.StartAsync(Zones, rateLimitRequests: null);
        var settings = cloudflare.MasterSettings(bench);
        settings["CF_API_REQUESTS_PER_WINDOW"] = "1000000";
        await using var master = await BenchMaster.StartAsync(settings);

        var setup = Stopwatch.StartNew();
        var agents = await AgentFleet.EnrolAsync(master, Agents, cloudflare.ZoneNames, "rec");
        for (var i = 0; i < agents.Count; i++)
        {
            await AgentFleet.PostInventoryAsync(master, agents[i], i, perAgent, cloudflare.ZoneNames);
        }

        await AgentFleet.WaitAllActiveAsync(master, routes, TimeSpan.FromMinutes(40), $"#2 set-up {routes} routes", TimeSpan.FromSeconds(3));
        Console.WriteLine($"#2 set-up: {routes} routes on {Agents} agent tunnels and {Zones} zones active after {setup.Elapsed.TotalSeconds:F1} s ({cloudflare.Emulator.Requests.Count} Cloudflare calls)");
        // Let anything the last inventory queued (a debounced reconcile) finish before counting.
        await Task.Delay(TimeSpan.FromSeconds(5));

        for (var run = 1; run <= Runs; run++)
        {
            cloudflare.Emulator.ClearRequests();
            var clock = Stopwatch.StartNew();
            var outcome = await master.Admin.PostAsync("api/v2/reconcile");
            var elapsed = clock.Elapsed;
            var calls = cloudflare.Emulator.Requests;
            var writes = calls.Count(c => c.Method != "GET");
            var reads = calls.Count - writes;
            var operations = outcome["plan"]?["operations"]?.AsArray().Count ?? -1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#2 routes={routes} tunnels={Agents} zones={Zones} run {run}: {elapsed.TotalMilliseconds:F0} ms, " +
                $"succeeded={outcome["succeeded"]} applied={outcome["applied"]} plan operations={operations} errors={Errors(outcome)}; " +
                $"Cloudflare calls: writes={writes} reads={reads} (bound: one per route tunnel + one per zone = {Agents + Zones})"));
            Console.WriteLine("#2   by path: " + string.Join(", ", BenchCloudflare.ByPattern(calls).Select(p => $"{p.Pattern} ×{p.Count}")));
        }
    }

    private static string Errors(JsonNode outcome) => outcome["errors"] is JsonArray { Count: > 0 } errors ? errors.ToJsonString() : "0";
}
