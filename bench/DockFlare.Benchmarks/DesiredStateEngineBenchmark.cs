using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DockFlare.Core.Engine;

namespace DockFlare.Benchmarks;

/// <summary>The whole engine (labels → routes, ingress per tunnel, zones, Access, diagnostics) over a fleet, pinned to one core.</summary>
[Config(typeof(OneCoreConfig))]
[MemoryDiagnoser]
public class DesiredStateEngineBenchmark
{
    private EngineInput _input = null!;

    [Params(10_000)]
    public int Containers { get; set; }

    [Params(500)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = FleetGenerator.Create(Containers, Hosts);
        var state = DesiredStateEngine.Compute(_input);
        Console.WriteLine($"// fleet: {Containers} containers, {Hosts} hosts -> {state.Routes.Count} routes, {state.Ingress.Count} ingress documents, {state.Diagnostics.Count} diagnostics");
    }

    [Benchmark]
    public DesiredState Compute() => DesiredStateEngine.Compute(_input);

    /// <summary>
    /// One core (affinity mask 1), workstation non-concurrent GC, in process. Thirty warm-up
    /// runs let tiered compilation reach its optimised code, which is what a master that
    /// reconciles every few minutes runs; the first, cold run is reported separately by
    /// <c>run.sh --cold</c>.
    /// </summary>
    private sealed class OneCoreConfig : ManualConfig
    {
        public OneCoreConfig()
        {
            AddJob(Job.Default
                .WithAffinity(1)
                .WithGcServer(false)
                .WithGcConcurrent(false)
                .WithWarmupCount(30)
                .WithIterationCount(20)
                .WithToolchain(InProcessEmitToolchain.Instance));
        }
    }
}
