using System.Globalization;

namespace DockFlare.SystemBenchmarks;

/// <summary>Nearest-rank percentiles of a set of latencies, formatted for the figures.</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"n={sorted.Count} p50={Of(sorted, 50):F1}ms p95={Of(sorted, 95):F1}ms p99={Of(sorted, 99):F1}ms max={(sorted.Count == 0 ? double.NaN : sorted[^1]):F1}ms");
    }
}
