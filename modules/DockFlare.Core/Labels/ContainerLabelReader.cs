using System.Globalization;
using DockFlare.Core.Diagnostics;

namespace DockFlare.Core.Labels;

/// <summary>
/// Reads the labels of one container under the known prefixes: the enable switch, the base
/// set and the indexed sets. Unknown keys are reported with a "did you mean" when close to a
/// known one, whether or not the container is enabled (a typo in <c>enable</c> is the most
/// common reason a container is silently ignored).
/// </summary>
internal static class ContainerLabelReader
{
    private const int MaxIndex = 9999;

    public static ContainerLabels Read(IReadOnlyDictionary<string, string> labels, LabelPrefixes prefixes, DiagnosticSink sink)
    {
        var result = new ContainerLabels();
        ReportMiscasedPrefixes(labels, prefixes, sink);

        // Only labels under a known prefix, sorted so that diagnostics come out in the same
        // order whatever order the container runtime reported the labels in.
        var ours = Ours(labels, prefixes);
        if (ours is null)
        {
            return result;
        }

        result.HasAny = true;
        foreach (var (key, rawValue, prefix) in ours)
        {
            var value = new LabelValue((rawValue ?? "").Trim(), key);
            var rank = prefixes.RankOf(prefix);
            var suffix = key.AsSpan(prefix.Length);
            if (suffix.SequenceEqual(LabelCatalog.Enable))
            {
                result.Enable = ChooseEnable(result.Enable, value, rank, prefixes, sink);
                continue;
            }

            var dot = suffix.IndexOf('.');
            var head = dot < 0 ? suffix : suffix[..dot];
            if (head.Length > 0 && !head.ContainsAnyExceptInRange('0', '9'))
            {
                ReadIndexed(result, prefix, head, dot < 0 ? [] : suffix[(dot + 1)..], value, rank, sink);
                continue;
            }

            if (LabelCatalog.IgnoredKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(suffix, out var why))
            {
                sink.Warning(DiagnosticCodes.IgnoredLabel, key, $"'{key}' has no effect: {why}.");
                continue;
            }

            // The catalog's own string is stored, so known labels cost no allocation.
            if (!LabelCatalog.RouteKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(suffix, out var known))
            {
                ReportUnknown(key, prefix, suffix.ToString(), LabelCatalog.BaseSuggestions, indexPart: "", sink);
                continue;
            }

            Store(result.Base, known, value, rank, sink);
        }

        return result;
    }

    private static (string Key, string Value, string Prefix)[]? Ours(IReadOnlyDictionary<string, string> labels, LabelPrefixes prefixes)
    {
        var count = 0;
        foreach (var key in labels.Keys)
        {
            if (prefixes.Matches(key))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return null;
        }

        var ours = new (string Key, string Value, string Prefix)[count];
        var at = 0;
        foreach (var (key, value) in labels)
        {
            if (prefixes.TryMatch(key, out var prefix))
            {
                ours[at++] = (key, value, prefix);
            }
        }

        Array.Sort(ours, static (x, y) => string.CompareOrdinal(x.Key, y.Key));
        return ours;
    }

    private static void ReadIndexed(
        ContainerLabels result, string prefix, ReadOnlySpan<char> head, ReadOnlySpan<char> rest, LabelValue value, int rank, DiagnosticSink sink)
    {
        var key = value.Key;
        var validIndex = (head.Length == 1 || head[0] != '0') && head.Length <= 4;
        if (!validIndex || !int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > MaxIndex)
        {
            var normal = int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= MaxIndex
                ? $" Did you mean '{prefix}{n}.{rest}'?"
                : "";
            sink.Warning(DiagnosticCodes.UnknownLabel, key,
                $"'{key}' is not a label DockFlare knows and is ignored: indexes are written without leading zeros, from 0 to {MaxIndex}.{normal}");
            return;
        }

        if (rest.SequenceEqual(LabelCatalog.Enable))
        {
            sink.Warning(DiagnosticCodes.UnknownLabel, key,
                $"'{key}' is ignored: 'enable' is not per index; write '{prefix}enable=true' once for the container.");
            return;
        }

        if (!LabelCatalog.RouteKeys.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(rest, out var known))
        {
            ReportUnknown(key, prefix, rest.ToString(), LabelCatalog.IndexedSuggestions, indexPart: head.ToString() + ".", sink);
            return;
        }

        if (!result.Indexed.TryGetValue(index, out var level))
        {
            level = new LabelLevel { KeyPrefix = string.Create(CultureInfo.InvariantCulture, $"{prefix}{index}.") };
            result.Indexed.Add(index, level);
        }

        Store(level, known, value, rank, sink);
    }

    private static void Store(LabelLevel level, string suffix, LabelValue value, int rank, DiagnosticSink sink)
    {
        var other = level.Set(suffix, value, rank);
        if (other is { } lost && !string.Equals(lost.Value, value.Value, StringComparison.Ordinal))
        {
            var (winner, loser) = level.Get(suffix)!.Value.Key == value.Key ? (value, lost) : (lost, value);
            sink.Warning(DiagnosticCodes.PrefixShadowed, loser.Key,
                $"'{loser.Key}={loser.Value}' is overridden by '{winner.Key}={winner.Value}' (the prefix order is LABEL_PREFIX, dockflare., cloudflare.tunnel.); remove one of them.");
        }
    }

    // Keys are case-sensitive, so 'DockFlare.Enable' is not ours; say so rather than ignore it silently.
    private static void ReportMiscasedPrefixes(IReadOnlyDictionary<string, string> labels, LabelPrefixes prefixes, DiagnosticSink sink)
    {
        List<(string Key, string Prefix)>? hits = null;
        foreach (var key in labels.Keys)
        {
            if (prefixes.Matches(key))
            {
                continue;
            }

            foreach (var prefix in prefixes.InOrder)
            {
                if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    (hits ??= []).Add((key, prefix));
                    break;
                }
            }
        }

        if (hits is null)
        {
            return;
        }

        foreach (var (key, prefix) in hits.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            var suffix = key[prefix.Length..];
            var known = LabelKeySuggester.Suggest(suffix, LabelCatalog.BaseSuggestions) ?? suffix;
            sink.Warning(DiagnosticCodes.UnknownLabel, key,
                $"'{key}' is ignored: label names are case-sensitive. Did you mean '{prefix}{known}'?");
        }
    }

    private static void ReportUnknown(string key, string prefix, string suffix, IReadOnlyList<string> candidates, string indexPart, DiagnosticSink sink)
    {
        var suggestion = LabelKeySuggester.Suggest(suffix, candidates);
        var message = suggestion is null
            ? $"'{key}' is not a label DockFlare knows and is ignored. See docs/labels.md for the label reference."
            : $"'{key}' is not a label DockFlare knows and is ignored. Did you mean '{prefix}{indexPart}{suggestion}'?";
        sink.Warning(DiagnosticCodes.UnknownLabel, key, message);
    }

    // The enable switch under two prefixes: the higher prefix wins, and a disagreement is reported.
    private static LabelValue ChooseEnable(LabelValue? current, LabelValue candidate, int rank, LabelPrefixes prefixes, DiagnosticSink sink)
    {
        if (current is not { } existing)
        {
            return candidate;
        }

        var (winner, loser) = prefixes.RankOf(PrefixOf(existing.Key, prefixes)) <= rank ? (existing, candidate) : (candidate, existing);
        if (BooleanLabel.Parse(winner.Value, out _) != BooleanLabel.Parse(loser.Value, out _))
        {
            sink.Warning(DiagnosticCodes.PrefixShadowed, loser.Key,
                $"'{loser.Key}={loser.Value}' is overridden by '{winner.Key}={winner.Value}' (the prefix order is LABEL_PREFIX, dockflare., cloudflare.tunnel.); remove one of them.");
        }

        return winner;
    }

    private static string PrefixOf(string key, LabelPrefixes prefixes) =>
        prefixes.TryMatch(key, out var prefix) ? prefix : "";
}
