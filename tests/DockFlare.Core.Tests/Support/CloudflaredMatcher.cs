using System.Text.RegularExpressions;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Tests.Support;

/// <summary>
/// Matches a request against an ingress list the way cloudflared does: rules in order, the
/// hostname exact or by a leading "*." suffix, the path regex searched unanchored (Go's
/// MatchString) in the URL path only.
/// </summary>
internal static class CloudflaredMatcher
{
    public static int Match(IReadOnlyList<IngressRule> rules, string host, string path)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (HostMatches(rule.Hostname, host) && (rule.Path is null || Regex.IsMatch(path, rule.Path, RegexOptions.CultureInvariant)))
            {
                return i;
            }
        }

        return -1;
    }

    public static IngressRule Resolve(IReadOnlyList<IngressRule> rules, string url)
    {
        var uri = new Uri(url);
        var index = Match(rules, uri.Host, uri.AbsolutePath);
        return rules[index];
    }

    private static bool HostMatches(string? pattern, string host)
    {
        if (pattern is null or "" or "*")
        {
            return true;
        }

        return pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
    }
}
