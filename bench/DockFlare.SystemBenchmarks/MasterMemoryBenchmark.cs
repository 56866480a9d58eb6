using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 7 (master part): the resident memory (VmRSS) of the published master, in its own process as a user runs
/// it, on Redis, pointed at the emulator (which runs here, in the load generator, not in the master). Idle: sampled
/// every second for a while after start. Load: N agents registered (enrolled at once, no tunnel or scope, so nothing
/// reaches Cloudflare), each reporting 5 containers and then heartbeating every 20 s (the interval the master gives),
/// spread evenly; sampled every second.
/// </summary>
internal static class MasterMemoryBenchmark
{
    private const int ContainersPerAgent = 5;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(BenchSettings bench, string publishedMaster, IReadOnlyList<int> agentCounts, int idleSeconds, int loadSeconds)
    {
        foreach (var count in agentCounts)
        {
            await bench.FlushRedisAsync();
            await using var cloudflare = await BenchCloudflare.StartAsync(zones: 2, rateLimitRequests: null);
            var settings = cloudflare.MasterSettings(bench);
            settings["AGENT_ENROLLMENT_REQUIRED"] = "false";
            using var master = PublishedMaster.Start(publishedMaster, settings);
            await master.WaitHealthyAsync();
            using var admin = new AdminClient(master.BaseAddress, BenchMaster.AdminKey);

            var idle = await SampleAsync(master.Pid, TimeSpan.FromSeconds(idleSeconds));
            Console.WriteLine($"#7 master idle ({idleSeconds} s after start): {idle}");

            var agents = await SimulatedAgent.RegisterManyAsync(admin, master.BaseAddress, count, "mem");
            using var http = new HttpClient { BaseAddress = master.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            await Parallel.ForEachAsync(agents.Select((a, i) => (a, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (x, ct) =>
            {
                var containers = Enumerable.Range(0, ContainersPerAgent).Select(c => new
                {
                    id = string.Create(CultureInfo.InvariantCulture, $"{x.i:D5}{c:D3}").PadRight(64, 'e'),
                    name = string.Create(CultureInfo.InvariantCulture, $"app-{c}"),
                    state = "running",
                    labels = SimulatedAgent.Labels(string.Create(CultureInfo.InvariantCulture, $"m{x.i:D5}-{c}.example0.com")),
                });
                await SendAsync(http, x.a, "inventory", new { sessionId = "mem", complete = true, containers }, ct);
            });

            var beats = 0;
            using var stop = new CancellationTokenSource();
            var load = HeartbeatAsync(http, agents, () => Interlocked.Increment(ref beats), stop.Token);
            var loaded = await SampleAsync(master.Pid, TimeSpan.FromSeconds(loadSeconds));
            await stop.CancelAsync();
            await load;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"#7 master with {count} agents ({ContainersPerAgent} containers each, {beats} heartbeats over {loadSeconds} s): {loaded}"));
        }
    }

    /// <summary>Every agent beats once per <see cref="HeartbeatInterval"/>, the beats spread evenly over it.</summary>
    private static async Task HeartbeatAsync(HttpClient http, IReadOnlyList<SimulatedAgent> agents, Action counted, CancellationToken stop)
    {
        var gap = HeartbeatInterval / agents.Count;
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (long n = 0; !stop.IsCancellationRequested; n++)
        {
            var due = gap * n;
            if (due > clock.Elapsed)
            {
                try
                {
                    await Task.Delay(due - clock.Elapsed, stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            var agent = agents[(int)(n % agents.Count)];
            inFlight.Add(SendAsync(http, agent, "heartbeat", new { agentVersion = "bench", cloudflared = new { state = "running" } }, CancellationToken.None));
            counted();
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
    }

    private static async Task SendAsync(HttpClient http, SimulatedAgent agent, string what, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"api/v2/agents/{agent.Id}/{what}", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agent.Key);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} of {agent.DisplayName} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static async Task<string> SampleAsync(int pid, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        double peak = 0;
        while (clock.Elapsed < duration)
        {
            peak = Math.Max(peak, MemoryOf(pid).RssMb);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        var end = MemoryOf(pid);
        return string.Create(CultureInfo.InvariantCulture,
            $"VmRSS peak {peak:F1} MB, at the end {end.RssMb:F1} MB = {end.AnonymousMb:F1} MB anonymous + {end.RssMb - end.AnonymousMb:F1} MB file-backed");
    }

    private static (double RssMb, double AnonymousMb) MemoryOf(int pid)
    {
        static double Kb(string[] lines, string key) =>
            double.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        var rollup = File.ReadAllLines($"/proc/{pid}/smaps_rollup");
        return (Kb(status, "VmRSS:") / 1024, Kb(rollup, "Anonymous:") / 1024);
    }
}
