using System.Globalization;
using DockFlare.SystemBenchmarks;

// bench/run.sh starts Redis (and dockerd) and calls: DockFlare.SystemBenchmarks <benchmark> [options]. Prints figures only.
var bench = BenchSettings.FromEnvironment();
var what = args.Length > 0 ? args[0] : "all";
int[] Sizes(int[] fallback) => args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : fallback;
int Option(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
switch (what)
{
    case "agent-api":
        await AgentApiThroughputBenchmark.RunAsync(bench, [200, 1000], seconds: Option(1, 15), connections: Option(2, 100));
        break;
    case "redis-cost":
        await RedisCostBenchmark.RunAsync(bench);
        break;
    case "command-latency":
        await CommandLatencyBenchmark.RunAsync(bench, commands: Option(1, 200), agentCount: Option(2, 20));
        break;
    case "no-change-reconcile":
        await NoChangeReconcileBenchmark.RunAsync(bench, Sizes([50, 200, 800]));
        break;
    case "cold-start":
        await ColdStartBenchmark.RunAsync(bench, Sizes([500]));
        break;
    case "ingress-latency":
        await IngressLatencyBenchmark.RunAsync(bench, starts: Option(1, 200), debounceMs: args.Length > 2 ? Option(2, 750) : null);
        break;
    case "master-memory":
        // bench/run.sh publishes the master and passes its folder.
        await MasterMemoryBenchmark.RunAsync(bench, args[1], [.. args[2..].Select(a => int.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(1000)],
            idleSeconds: 30, loadSeconds: 90);
        break;
    default:
        Console.Error.WriteLine("usage: DockFlare.SystemBenchmarks agent-api|redis-cost|command-latency|no-change-reconcile|cold-start|ingress-latency|master-memory [options]");
        return 2;
}

Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;
