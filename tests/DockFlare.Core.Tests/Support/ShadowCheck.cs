using DockFlare.Core.Routing;

namespace DockFlare.Core.Tests.Support;

/// <summary>Decides shadowing between two ingress rules with plain or glob paths (what the generator produces).</summary>
internal static class ShadowCheck
{
    // Whether every request matched by 'later' is also matched by 'earlier' (for plain and glob paths; the generator makes no others).
    public static bool Covers(IngressRule earlier, IngressRule later)
    {
        if (!HostCovers(earlier.Hostname!, later.Hostname!))
        {
            return false;
        }

        if (earlier.Path is null)
        {
            return true;
        }

        if (later.Path is null)
        {
            return false;
        }

        var (ep, eGlob) = Prefix(earlier.Path);
        var (lp, lGlob) = Prefix(later.Path);
        return (eGlob, lGlob) switch
        {
            (false, false) => lp == ep || lp.StartsWith(ep + "/", StringComparison.Ordinal),
            (false, true) => lp.StartsWith(ep + "/", StringComparison.Ordinal),
            (true, _) => lp.StartsWith(ep, StringComparison.Ordinal),
        };
    }

    private static bool HostCovers(string earlier, string later)
    {
        if (earlier == later)
        {
            return true;
        }

        if (!earlier.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }

        var suffix = earlier[1..];
        return later.EndsWith(suffix, StringComparison.Ordinal);
    }

    public static (string Prefix, bool Glob) Prefix(string expression) =>
        expression.EndsWith("(?:/|$)", StringComparison.Ordinal)
            ? (expression[1..^"(?:/|$)".Length].Replace("\\.", ".", StringComparison.Ordinal), false)
            : (expression[1..].Replace("\\.", ".", StringComparison.Ordinal), true);
}
