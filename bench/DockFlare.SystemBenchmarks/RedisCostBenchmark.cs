using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using StackExchange.Redis;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 8: Redis commands per heartbeat and per event, keys per agent. Counts come from <c>INFO commandstats</c>
/// deltas (after <c>CONFIG RESETSTAT</c>) around a known number of requests sent one at a time, less the idle
/// background (Hangfire's polling, the master's jobs) measured over the same length of time just before.
/// </summary>
internal static class RedisCostBenchmark
{
    private const int AgentCount = 100;

    public static async Task RunAsync(BenchSettings bench)
    {
        await bench.FlushRedisAsync();
        await using var master = await BenchMaster.StartAsync(AgentApiThroughputBenchmark.MasterSettings(bench));
        var agents = await SimulatedAgent.RegisterManyAsync(master, AgentCount, "cost");
        var clients = agents.Select(a => master.AgentClient(a.Key)).ToList();
        using var redis = await bench.ConnectRedisAsync();
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        try
        {
            // Warm every path once (JIT, script loading) and let the start-up jobs settle.
            await SendAsync(agents, clients, 1, Heartbeat);
            await SendAsync(agents, clients, 1, (a, c, i) => Events(a, c, i, 1));
            await Task.Delay(TimeSpan.FromSeconds(5));

            var idle = await MeasureAsync(server, async () => await Task.Delay(TimeSpan.FromSeconds(10)));
            Console.WriteLine($"#8 idle background: {Rate(idle.Total, idle.Seconds)} commands/s ({Top(idle.Calls, 1)})");

            var heartbeats = await MeasureAsync(server, () => SendAsync(agents, clients, 10, Heartbeat));
            Report("heartbeat", heartbeats, idle, AgentCount * 10);

            var single = await MeasureAsync(server, () => SendAsync(agents, clients, 10, (a, c, i) => Events(a, c, 1000 + (i * 1), 1)));
            Report("event batch of 1 event", single, idle, AgentCount * 10);

            var ten = await MeasureAsync(server, () => SendAsync(agents, clients, 2, (a, c, i) => Events(a, c, 2000 + (i * 10), 10)));
            Report("event batch of 10 events", ten, idle, AgentCount * 2);

            await ReportKeysAsync(redis, server, agents);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private sealed record Sample(Dictionary<string, long> Calls, double Seconds)
    {
        public long Total => Calls.Values.Sum();
    }

    private static async Task<Sample> MeasureAsync(IServer server, Func<Task> work)
    {
        await server.ConfigResetStatisticsAsync();
        var clock = Stopwatch.StartNew();
        await work();
        // Let what the requests queued (a debounced reconcile, a Hangfire job) run inside the window.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var seconds = clock.Elapsed.TotalSeconds;
        var info = await server.InfoAsync("commandstats");
        var calls = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in info.SelectMany(g => g))
        {
            // cmdstat_get -> calls=5,usec=...
            var count = pair.Value.Split(',')[0].Split('=')[1];
            calls[pair.Key.Replace("cmdstat_", "", StringComparison.Ordinal)] = long.Parse(count, CultureInfo.InvariantCulture);
        }

        // Our own INFO and CONFIG are not the master's.
        calls.Remove("info");
        calls.Remove("config|resetstat");
        calls.Remove("config");
        return new Sample(calls, seconds);
    }

    private static void Report(string what, Sample sample, Sample idle, int requests)
    {
        var background = idle.Total / idle.Seconds * sample.Seconds;
        var perRequest = (sample.Total - background) / requests;
        var byCommand = sample.Calls
            .Select(c => (c.Key, PerRequest: (c.Value - (idle.Calls.GetValueOrDefault(c.Key) / idle.Seconds * sample.Seconds)) / requests))
            .Where(c => c.PerRequest >= 0.05)
            .OrderByDescending(c => c.PerRequest)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.PerRequest:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#8 per {what}: {perRequest:F1} Redis commands ({string.Join(", ", byCommand)}); {requests} requests in {sample.Seconds:F1} s, background {background:F0} subtracted"));
    }

    private static async Task ReportKeysAsync(ConnectionMultiplexer redis, IServer server, IReadOnlyList<SimulatedAgent> agents)
    {
        var db = redis.GetDatabase();
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: "*"))
        {
            keys.Add(key);
        }

        var ids = agents.Select(a => a.Id).ToList();
        var perAgent = keys.Where(k => ids.Any(id => k.ToString().Contains(id, StringComparison.Ordinal))).ToList();
        long bytes = 0;
        foreach (var key in perAgent)
        {
            bytes += (long)(await db.ExecuteAsync("MEMORY", "USAGE", key));
        }

        var shapes = perAgent.Select(k => string.Join(':', k.ToString().Split(':').Select(p => ids.Contains(p) ? "<id>" : p)))
            .GroupBy(s => s).Select(g => $"{g.Key} ×{g.Count()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#8 keys per agent: {(double)perAgent.Count / agents.Count:F1} ({bytes / agents.Count} bytes each agent, MEMORY USAGE); {keys.Count} keys in all for {agents.Count} agents: {string.Join(", ", shapes)}"));
        // Agent keys are named by key id, not agent id: one per agent here.
        var shared = keys.Except(perAgent).Select(k => k.ToString()).Where(k => k.Contains("agents", StringComparison.Ordinal))
            .Select(k => k.StartsWith("dockflare:agents:key:", StringComparison.Ordinal) ? "dockflare:agents:key:<keyId>" : k)
            .GroupBy(k => k).Select(g => $"{g.Key} ×{g.Count()}").Order(StringComparer.Ordinal);
        Console.WriteLine($"#8 other agent keys: {string.Join(", ", shared)}");
    }

    private static string Rate(long total, double seconds) => (total / seconds).ToString("F1", CultureInfo.InvariantCulture);

    private static string Top(Dictionary<string, long> calls, int _) =>
        string.Join(", ", calls.OrderByDescending(c => c.Value).Take(6).Select(c => $"{c.Key} {c.Value}"));

    private static async Task SendAsync(
        IReadOnlyList<SimulatedAgent> agents, List<HttpClient> clients, int rounds, Func<SimulatedAgent, HttpClient, int, Task> send)
    {
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < agents.Count; i++)
            {
                await send(agents[i], clients[i], round);
            }
        }
    }

    private static async Task Heartbeat(SimulatedAgent agent, HttpClient client, int round)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"api/v2/agents/{agent.Id}/heartbeat", UriKind.Relative),
            new { agentVersion = "bench", cloudflared = new { state = "running" } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A batch of <paramref name="count"/> start/stop events, sequence numbers from <paramref name="firstSeq"/>.</summary>
    private static async Task Events(SimulatedAgent agent, HttpClient client, int firstSeq, int count)
    {
        var events = Enumerable.Range(firstSeq, count).Select(seq => seq % 2 == 0
            ? (object)new { seq, type = "container_stop", container = new { id = $"c{seq % 5}", name = $"app-{seq % 5}", state = "exited" } }
            : new { seq, type = "container_start", container = new { id = $"c{seq % 5}", name = $"app-{seq % 5}", state = "running", labels = SimulatedAgent.Labels($"app-{seq % 5}-{agent.Id[..8]}.example.com") } });
        using var response = await client.PostAsJsonAsync(new Uri($"api/v2/agents/{agent.Id}/events", UriKind.Relative),
            new { sessionId = "cost", events });
        response.EnsureSuccessStatusCode();
    }
}
