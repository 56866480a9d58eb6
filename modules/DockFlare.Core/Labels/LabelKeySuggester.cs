namespace DockFlare.Core.Labels;

/// <summary>Finds the known label a mistyped one was probably meant to be.</summary>
internal static class LabelKeySuggester
{
    private const int MaxDistance = 2;
    private const int MaxKeyLength = 64;

    /// <summary>The closest candidate within a small edit distance (case-insensitive), or null.</summary>
    public static string? Suggest(string unknown, IReadOnlyList<string> candidates)
    {
        if (unknown.Length > MaxKeyLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            // More than two characters longer or shorter can never be within two edits.
            if (Math.Abs(candidate.Length - unknown.Length) > MaxDistance)
            {
                continue;
            }

            var distance = Distance(unknown, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // One edit for short keys, two for longer ones: "enabled" -> "enable", "hostame" ->
        // "hostname", "acess.group" -> "access.group", but "zone" is not "name".
        var allowed = Math.Min(unknown.Length, best?.Length ?? 0) >= 6 ? MaxDistance : 1;
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>
    /// Optimal string alignment distance, ignoring ASCII case: Levenshtein plus adjacent
    /// transpositions ("hostnmae"). Three rolling rows on the stack, no allocation.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        if (a.Length > MaxKeyLength || b.Length > MaxKeyLength)
        {
            return Math.Max(a.Length, b.Length);
        }

        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var ai = char.ToLowerInvariant(a[i - 1]);
            for (var j = 1; j <= b.Length; j++)
            {
                var bj = char.ToLowerInvariant(b[j - 1]);
                var cost = ai == bj ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
