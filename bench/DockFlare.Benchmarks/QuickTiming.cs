using System.Diagnostics;
using System.Globalization;
using DockFlare.Core.Engine;

namespace DockFlare.Benchmarks;

/// <summary>
/// A quick measurement without BenchmarkDotNet (<c>run.sh --quick</c>): the first, cold run
/// (JIT included), then the mean wall and CPU time of 20 back-to-back runs after 40 warm-up
/// runs, with GC counts and pause time, then 20 runs that each start on a collected heap.
/// Useful when the machine is busy and a full run takes too long.
/// </summary>
public static class QuickTiming
{
    public static void Run(int containers = 10_000, int hosts = 500)
    {
        var input = FleetGenerator.Create(containers, hosts);
        var cold = Stopwatch.StartNew();
        var state = DesiredStateEngine.Compute(input);
        var coldMs = cold.Elapsed.TotalMilliseconds;
        for (var i = 0; i < 40; i++)
        {
            DesiredStateEngine.Compute(input);
        }

        const int runs = 20;
        var pause = GC.GetTotalPauseDuration();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            DesiredStateEngine.Compute(input);
        }

        var wallMs = wall.Elapsed.TotalMilliseconds / runs;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;

        // The same runs, each starting on a collected heap (as BenchmarkDotNet's iterations do).
        var clean = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var one = Stopwatch.StartNew();
            DesiredStateEngine.Compute(input);
            clean.Add(one.Elapsed.TotalMilliseconds);
        }

        clean.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{containers} containers, {hosts} hosts -> {state.Routes.Count} routes, {state.Ingress.Count} ingress documents, {state.Diagnostics.Count} diagnostics"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cold first run: {coldMs:F1} ms; warm, back to back: {wallMs:F1} ms wall, {cpuMs:F1} ms CPU per run; {GC.CollectionCount(0) - gen0} gen0 / {GC.CollectionCount(2) - gen2} gen2 collections in {runs} runs, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds / runs:F1} ms per run"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"warm, each on a collected heap: median {clean[runs / 2]:F1} ms, fastest {clean[0]:F1} ms, slowest {clean[^1]:F1} ms"));
    }
}
