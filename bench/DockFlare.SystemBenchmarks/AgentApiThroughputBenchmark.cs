using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DockFlare.SystemBenchmarks;

/// <summary>
/// Benchmark 6: heartbeats and event batches from many simulated agents against one master on Redis. The agents
/// are registered (enrolled at once: <c>AGENT_ENROLLMENT_REQUIRED=false</c>, no tunnel, no scope, so nothing
/// reaches Cloudflare); the load comes from autocannon (bench/agent-load/load.js) in its own process.
/// </summary>
internal static class AgentApiThroughputBenchmark
{
    public static async Task RunAsync(BenchSettings bench, IReadOnlyList<int> agentCounts, int seconds, int connections)
    {
        foreach (var count in agentCounts)
        {
            await bench.FlushRedisAsync();
            await using var master = await BenchMaster.StartAsync(MasterSettings(bench));
            var setup = Stopwatch.StartNew();
            var agents = await SimulatedAgent.RegisterManyAsync(master, count, "load");
            Console.WriteLine($"#6 registered {count} agents in {setup.Elapsed.TotalSeconds:F1} s");
            var file = Path.Combine(Path.GetTempPath(), $"dockflare-bench-agents-{Environment.ProcessId}.json");
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(agents.Select(a => new { id = a.Id, key = a.Key })));
            try
            {
                // A short warm-up so the figures are not the JIT's.
                await RunLoadAsync(bench, file, master.BaseAddress, "mixed", 5, connections, print: false);
                foreach (var mode in new[] { "heartbeat", "events", "mixed" })
                {
                    await RunLoadAsync(bench, file, master.BaseAddress, mode, seconds, connections, print: true);
                }
            }
            finally
            {
                File.Delete(file);
            }
        }
    }

    public static Dictionary<string, string> MasterSettings(BenchSettings bench) => new(StringComparer.Ordinal)
    {
        ["REDIS_URL"] = bench.RedisUrl,
        ["AGENT_ENROLLMENT_REQUIRED"] = "false",
        ["AGENT_RATE_LIMIT_PER_MINUTE"] = "100000",
        ["DOCKFLARE_SANDBOX"] = "true",
        ["RECONCILE_DEBOUNCE_MS"] = "750",
    };

    private static async Task RunLoadAsync(BenchSettings bench, string agentsFile, Uri master, string mode, int seconds, int connections, bool print)
    {
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(bench.RepoRoot, "bench", "agent-load", "load.js"), agentsFile, master.AbsoluteUri.TrimEnd('/'), mode, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), connections.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        var masterCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / seconds;
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"autocannon exited with {node.ExitCode}: {await stderr} {await stdout}");
        }

        if (!print)
        {
            return;
        }

        var line = (await stdout).Trim().Split('\n')[^1];
        var r = JsonNode.Parse(line)!;
        Console.WriteLine(
            $"#6 agents={r["agents"]} connections={r["connections"]} mode={mode} seconds={seconds}: " +
            $"{r["rps"]!.GetValue<double>():F0} req/s, p50={r["p50"]} ms p90={r["p90"]} ms p99={r["p99"]} ms max={r["max"]} ms, " +
            $"requests={r["requests"]} non2xx={r["non2xx"]} errors={r["errors"]} timeouts={r["timeouts"]} statuses={r["statuses"]!.ToJsonString()} " +
            $"master CPU={masterCpu:F2} cores");
    }
}
