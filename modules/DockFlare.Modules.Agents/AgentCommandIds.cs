using System.Globalization;

namespace DockFlare.Modules.Agents;

/// <summary>
/// Command ids are Redis stream ids, <c>&lt;milliseconds&gt;-&lt;sequence&gt;</c> (the embedded store makes
/// the same shape), so they sort by creation once parsed.
/// </summary>
internal static class AgentCommandIds
{
    public static bool TryParse(string? id, out (long Milliseconds, long Sequence) value)
    {
        value = default;
        if (string.IsNullOrEmpty(id) || id.Length > 41)
        {
            return false;
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        value = (ms, seq);
        return true;
    }

    public static bool IsValid(string? id) => TryParse(id, out _);

    public static string Format(long milliseconds, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds}-{sequence}");

    /// <summary>Orders ids by creation; unparsable ids sort first (they never occur).</summary>
    public static int Compare(string? left, string? right)
    {
        var l = TryParse(left, out var a) ? a : (-1, -1);
        var r = TryParse(right, out var b) ? b : (-1, -1);
        return l.CompareTo(r);
    }

    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);
}
