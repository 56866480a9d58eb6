using BenchmarkDotNet.Running;

namespace DockFlare.Benchmarks;

/// <summary>Runs the benchmarks selected on the command line (see bench/run.sh), or the quick timing with --quick.</summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            QuickTiming.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
