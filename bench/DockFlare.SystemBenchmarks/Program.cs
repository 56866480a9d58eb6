using System.Globalization;
using DockFlare.SystemBenchmarks;

// bench/run.sh starts Redis (and dockerd) and calls: DockFlare.SystemBenchmarks <benchmark> [options]. Prints figures only.
var bench = BenchSettings.FromEnvironment();
var what = args.Length > 0 ? args[0] : "all";
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
    default:
        Console.Error.WriteLine("usage: DockFlare.SystemBenchmarks agent-api|redis-cost|command-latency [options]");
        return 2;
}

Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
return 0;
