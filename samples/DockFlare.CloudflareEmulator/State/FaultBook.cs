using System.Text.RegularExpressions;

namespace DockFlare.CloudflareEmulator.State;

/// <summary>The injected faults; each matching call takes one use of the first matching rule.</summary>
internal sealed class FaultBook
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    /// <exception cref="ArgumentException">The rule's path is not a valid regular expression.</exception>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var regex = new Regex(rule.Path, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            _entries.Add(new Entry(rule, regex) { Remaining = rule.Count });
        }
    }

    public FaultRule? Take(string method, string path)
    {
        lock (_gate)
        {
            var entry = _entries.FirstOrDefault(e =>
                (e.Rule.Method is null || string.Equals(e.Rule.Method, method, StringComparison.OrdinalIgnoreCase)) && e.Path.IsMatch(path));
            if (entry is null)
            {
                return null;
            }

            if (entry.Rule.Count > 0 && --entry.Remaining <= 0)
            {
                _entries.Remove(entry);
            }

            return entry.Rule;
        }
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_gate)
        {
            return _entries.Select(e => e.Rule with { Count = e.Rule.Count == 0 ? 0 : e.Remaining }).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(FaultRule Rule, Regex Path)
    {
        public int Remaining { get; set; }
    }
}
