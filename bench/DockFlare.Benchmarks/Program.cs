using BenchmarkDotNet.Running;

namespace DockFlare.Benchmarks;

/// <summary>Runs the benchmarks selected on the command line (see bench/run.sh), the quick timing with --quick, or the quick timing at 1×, 4× and 16× with --growth.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            QuickTiming.Run();
            return;
        }

        if (args.Length > 0 && args[0] == "--growth")
        {
            // 1×, 4× and 16× the fleet, 20 containers per host throughout.
            foreach (var containers in new[] { 2_500, 10_000, 40_000 })
            {
                QuickTiming.Run(containers, containers / 20);
            }

            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
