using DockFlare.Core.Engine;

namespace DockFlare.Core.Routing;

/// <summary>
/// The order of rules in an ingress document, chosen so that no rule is shadowed by an
/// earlier one: exact hostnames before wildcards (deeper wildcards first), and within a
/// hostname its path rules (longest literal prefix first) before its path-less rule. Ties
/// are broken by the text, so the order never depends on the input order.
/// </summary>
internal sealed class IngressOrder : IComparer<RouteClaim>
{
    public static IngressOrder Instance { get; } = new();

    public int Compare(RouteClaim? x, RouteClaim? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        return CompareKeys(x.Key, x.Path, y.Key, y.Path);
    }

    internal static int CompareKeys(RouteKey x, NormalizedPath? xPath, RouteKey y, NormalizedPath? yPath)
    {
        var xWild = x.Hostname.StartsWith("*.", StringComparison.Ordinal);
        var yWild = y.Hostname.StartsWith("*.", StringComparison.Ordinal);
        var result = xWild.CompareTo(yWild);
        if (result != 0)
        {
            return result;
        }

        if (xWild)
        {
            result = LabelCount(y.Hostname).CompareTo(LabelCount(x.Hostname));
            if (result != 0)
            {
                return result;
            }
        }

        result = string.CompareOrdinal(x.Hostname, y.Hostname);
        if (result != 0)
        {
            return result;
        }

        // Same hostname: path rules first, the path-less rule last.
        result = (xPath is null).CompareTo(yPath is null);
        if (result != 0 || xPath is null || yPath is null)
        {
            return result;
        }

        result = yPath.LiteralLength.CompareTo(xPath.LiteralLength);
        if (result != 0)
        {
            return result;
        }

        result = xPath.Kind.CompareTo(yPath.Kind);
        return result != 0 ? result : string.CompareOrdinal(x.Path, y.Path);
    }

    private static int LabelCount(string hostname)
    {
        var count = 1;
        foreach (var c in hostname)
        {
            if (c == '.')
            {
                count++;
            }
        }

        return count;
    }
}
