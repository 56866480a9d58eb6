using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 5: a command queued through the admin API (<c>POST /agents/{id}/resync</c>) until the simulated agent,
/// parked in its long poll (<c>GET …/commands?wait=25</c>), receives it. Several agents poll at once; the commands go
/// to them in turn with a short random pause, so each arrives while its agent's poll is parked (the wake-up path).
/// </summary>
internal static class CommandLatencyBenchmark
{
    public static async Task RunAsync(BenchSettings bench, int commands, int agentCount)
    {
        await bench.FlushRedisAsync();
        await using var master = await BenchMaster.StartAsync(AgentApiThroughputBenchmark.MasterSettings(bench));
        var agents = await SimulatedAgent.RegisterManyAsync(master, agentCount, "poll");
        var received = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var pollers = agents.Select(a => PollAsync(master, a, received, stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2));

        var latencies = new List<double>();
        var queueCalls = new List<double>();
        var random = new Random(10);
        for (var i = 0; i < commands + 10; i++)
        {
            await Task.Delay(random.Next(100, 300));
            var agent = agents[i % agents.Count];
            var queuedAt = Stopwatch.GetTimestamp();
            var answer = await master.Admin.PostAsync($"api/v2/agents/{agent.Id}/resync");
            var queueCall = Stopwatch.GetElapsedTime(queuedAt).TotalMilliseconds;
            var id = answer["command"]!["id"]!.GetValue<string>();
            var deadline = Stopwatch.StartNew();
            long deliveredAt;
            while (!received.TryGetValue(id, out deliveredAt))
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"command {id} was not delivered within 60 s");
                }

                await Task.Delay(1);
            }

            if (i >= 10)
            {
                // The first ten warm up the paths.
                latencies.Add(Stopwatch.GetElapsedTime(queuedAt, deliveredAt).TotalMilliseconds);
                queueCalls.Add(queueCall);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(pollers);
        Console.WriteLine($"#5 queued -> delivered ({agentCount} agents polling, {commands} commands): {Percentiles.Summary(latencies)}");
        Console.WriteLine($"#5 the admin call that queues it: {Percentiles.Summary(queueCalls)}");
    }

    private static async Task PollAsync(BenchMaster master, SimulatedAgent agent, ConcurrentDictionary<string, long> received, CancellationToken stop)
    {
        using var client = master.AgentClient(agent.Key);
        client.DefaultRequestHeaders.Add("X-DockFlare-Protocol", "2");
        while (!stop.IsCancellationRequested)
        {
            JsonNode answer;
            try
            {
                using var response = await client.GetAsync(new Uri($"api/v2/agents/{agent.Id}/commands?wait=25", UriKind.Relative), stop);
                response.EnsureSuccessStatusCode();
                answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(stop))!;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            foreach (var command in answer["commands"]!.AsArray())
            {
                var id = command!["id"]!.GetValue<string>();
                received.TryAdd(id, now);
                using var ack = await client.PostAsJsonAsync(
                    new Uri($"api/v2/agents/{agent.Id}/commands/{id}/ack", UriKind.Relative), new { outcome = "succeeded" }, CancellationToken.None);
                ack.EnsureSuccessStatusCode();
            }
        }
    }
}
