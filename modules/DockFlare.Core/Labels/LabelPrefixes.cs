namespace DockFlare.Core.Labels;

/// <summary>
/// The label prefixes in lookup order: the custom one (LABEL_PREFIX, dot normalised), then
/// <c>dockflare.</c>, then the legacy <c>cloudflare.tunnel.</c>. A key is split at the
/// longest prefix it starts with, so a custom <c>cloudflare</c> prefix does not swallow
/// <c>cloudflare.tunnel.enable</c>.
/// </summary>
internal sealed class LabelPrefixes
{
    public const string Primary = "dockflare.";
    public const string Legacy = "cloudflare.tunnel.";

    private readonly string[] _byRank;
    private readonly string[] _byLength;

    public LabelPrefixes(string? customPrefix)
    {
        var list = new List<string>(3);
        var custom = customPrefix?.Trim().TrimEnd('.');
        if (!string.IsNullOrEmpty(custom))
        {
            list.Add(custom + ".");
        }

        foreach (var builtIn in (string[])[Primary, Legacy])
        {
            if (!list.Contains(builtIn, StringComparer.Ordinal))
            {
                list.Add(builtIn);
            }
        }

        _byRank = [.. list];
        _byLength = [.. list.OrderByDescending(p => p.Length)];
    }

    /// <summary>The prefixes in lookup order (highest precedence first).</summary>
    public IReadOnlyList<string> InOrder => _byRank;

    /// <summary>The rank (0 = highest precedence) of a prefix from <see cref="InOrder"/>.</summary>
    public int RankOf(string prefix) => Array.IndexOf(_byRank, prefix);

    /// <summary>Whether a label key starts with one of the prefixes (and has something after it).</summary>
    public bool Matches(string key) => TryMatch(key, out _);

    /// <summary>The longest prefix the key starts with (with something after it); false when none does.</summary>
    public bool TryMatch(string key, out string prefix)
    {
        foreach (var candidate in _byLength)
        {
            if (key.Length > candidate.Length && key.StartsWith(candidate, StringComparison.Ordinal))
            {
                prefix = candidate;
                return true;
            }
        }

        prefix = "";
        return false;
    }
}
