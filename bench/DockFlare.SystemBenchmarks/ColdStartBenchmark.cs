using System.Diagnostics;
using System.Globalization;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 3: a fresh master (empty Redis, fresh emulator) facing labelled containers it has never published,
/// with the emulator enforcing Cloudflare's limit of 1,200 requests per 5 minutes per token. The containers come
/// from agents (one per 500 containers, enrolled with a created tunnel and scopes for the 5 zones), each posting its
/// inventory at once. Figures: time until every route is active, Cloudflare calls in all and by path, 429s received.
/// </summary>
internal static class ColdStartBenchmark
{
    private const int Zones = 5;
    private const int PerAgent = 500;

    public static async Task RunAsync(BenchSettings bench, IReadOnlyList<int> containerCounts)
    {
        foreach (var count in containerCounts)
        {
            await RunOnceAsync(bench, count);
        }
    }

    private static async Task RunOnceAsync(BenchSettings bench, int containers)
    {
        await bench.FlushRedisAsync();
        await using var cloudflare = await BenchCloudflare.StartAsync(Zones, rateLimitRequests: 1200);
        var clock = Stopwatch.StartNew();
        // The master's own budget stays at its default (1,200 per 300 s), as it ships.
        await using var master = await BenchMaster.StartAsync(cloudflare.MasterSettings(bench));
        var started = clock.Elapsed;
        var agentCount = (containers + PerAgent - 1) / PerAgent;
        var agents = await AgentFleet.EnrolAsync(master, agentCount, cloudflare.ZoneNames, "cold");
        var enrolled = clock.Elapsed;
        for (var i = 0; i < agents.Count; i++)
        {
            await AgentFleet.PostInventoryAsync(master, agents[i], i, Math.Min(PerAgent, containers - (i * PerAgent)), cloudflare.ZoneNames);
        }

        var reported = clock.Elapsed;
        await AgentFleet.WaitAllActiveAsync(master, containers, TimeSpan.FromMinutes(90), $"#3 {containers} containers", TimeSpan.FromSeconds(1));
        var published = clock.Elapsed;
        var calls = cloudflare.Emulator.Requests;
        var limited = calls.Count(c => c.Status == 429);
        var writes = calls.Count(c => c.Method != "GET");
        var first = calls.Count > 0 ? calls[0].At : DateTimeOffset.MinValue;
        var inFirstWindow = calls.Count(c => c.At - first < TimeSpan.FromMinutes(5));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#3 containers={containers} agents={agentCount} zones={Zones}: all {containers} routes active {published.TotalSeconds:F1} s after the master was started " +
            $"({(published - reported).TotalSeconds:F1} s after the last inventory; master start {started.TotalSeconds:F1} s, enrolment done at {enrolled.TotalSeconds:F1} s); " +
            $"Cloudflare calls={calls.Count} (writes {writes}, reads {calls.Count - writes}), 429 received={limited}, calls in the first 5 minutes={inFirstWindow}"));
        Console.WriteLine("#3   by path: " + string.Join(", ", BenchCloudflare.ByPattern(calls).Select(p => $"{p.Pattern} ×{p.Count}")));
    }
}
