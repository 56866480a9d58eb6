namespace DockFlare.Core.Labels;

/// <summary>
/// The labels of one level: the base set or one index (<c>N.*</c>), by suffix without the
/// index. A level holds a handful of labels, so a list with linear search beats a hash map
/// (and allocates far less over thousands of containers).
/// </summary>
internal sealed class LabelLevel
{
    private readonly List<(string Suffix, LabelValue Value, int Rank)> _values = new(4);

    /// <summary>How to name a label of this level in advice: <c>dockflare.</c> or <c>dockflare.2.</c>.</summary>
    public string KeyPrefix { get; init; } = "";

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Select(v => v.Suffix);

    /// <summary>The full label keys of this level, sorted.</summary>
    public IEnumerable<string> FullKeys => _values.Select(v => v.Value.Key).Order(StringComparer.Ordinal);

    public bool TryGet(string key, out LabelValue value)
    {
        var at = IndexOf(key);
        value = at < 0 ? default : _values[at].Value;
        return at >= 0;
    }

    public LabelValue? Get(string key)
    {
        var at = IndexOf(key);
        return at < 0 ? null : _values[at].Value;
    }

    public bool Has(string key) => IndexOf(key) >= 0;

    /// <summary>Stores a value unless one from a higher-precedence prefix is there; returns the value it lost to or replaced, if any.</summary>
    public LabelValue? Set(string key, LabelValue value, int rank)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            _values.Add((key, value, rank));
            return null;
        }

        var existing = _values[at];
        if (existing.Rank > rank)
        {
            _values[at] = (key, value, rank);
        }

        return existing.Value;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _values.Count; i++)
        {
            if (string.Equals(_values[i].Suffix, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
