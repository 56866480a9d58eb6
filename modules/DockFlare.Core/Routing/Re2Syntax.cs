using System.Globalization;

namespace DockFlare.Core.Routing;

/// <summary>
/// Rejects the regular-expression constructs that .NET accepts but Go's RE2 (cloudflared)
/// does not: lookarounds, backreferences, atomic groups, possessive quantifiers, conditionals,
/// comments, <c>\G</c>/<c>\Z</c>, and repetition counts above 1000.
/// </summary>
internal static class Re2Syntax
{
    private const int MaxRepeat = 1000;

    // The letters Go's regexp/syntax accepts after a backslash.
    private const string Re2EscapeLetters = "afnrtvxAbBzdDsSwWpPQE";

    /// <summary>The reason the pattern is not RE2, or null when nothing unsupported was found.</summary>
    public static string? FindUnsupported(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length)
                {
                    return "it ends with a lone backslash";
                }

                if (!inClass && next is >= '1' and <= '9')
                {
                    return $"backreferences such as \\{next} are not supported by RE2";
                }

                if (next == 'k')
                {
                    return "named backreferences (\\k<name>) are not supported by RE2";
                }

                if (next is 'G' or 'Z')
                {
                    return $"\\{next} is not supported by RE2 (use \\z for the end of the text)";
                }

                if (char.IsAsciiLetter(next) && !Re2EscapeLetters.Contains(next, StringComparison.Ordinal))
                {
                    return $"the escape \\{next} is not supported by RE2 (it knows \\d \\w \\s \\b \\A \\z \\x{{..}} \\p{{..}} and their negations)";
                }

                i++;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && next == ':')
                {
                    var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    if (close > 0)
                    {
                        i = close + 1;
                    }
                }
                else if (c == ']')
                {
                    inClass = false;
                }

                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (next == '^')
                    {
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++; // a leading ']' is literal
                    }

                    break;
                case '(' when next == '?':
                    if (FindUnsupportedGroup(pattern, i + 2) is { } group)
                    {
                        return group;
                    }

                    break;
                case '*' or '+' or '?' or '}' when next == '+':
                    return "possessive quantifiers (such as a*+) are not supported by RE2";
                case '{':
                    if (FindBadRepeat(pattern, i) is { } repeat)
                    {
                        return repeat;
                    }

                    break;
            }
        }

        return null;
    }

    private static string? FindUnsupportedGroup(string pattern, int at)
    {
        var rest = pattern.AsSpan(at);
        if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!"))
        {
            return "lookahead and lookbehind ((?=...), (?!...), (?<=...), (?<!...)) are not supported by RE2";
        }

        if (rest.StartsWith(">"))
        {
            return "atomic groups ((?>...)) are not supported by RE2";
        }

        if (rest.StartsWith("("))
        {
            return "conditionals ((?(...)...)) are not supported by RE2";
        }

        if (rest.StartsWith("#"))
        {
            return "comments ((?#...)) are not supported by RE2";
        }

        if (rest.StartsWith(":") || rest.StartsWith("P<") || rest.StartsWith("<"))
        {
            return null;
        }

        // Flag groups: (?i) (?-s) (?im:...). RE2 knows the flags i, m, s and U.
        var j = 0;
        while (j < rest.Length && rest[j] is 'i' or 'm' or 's' or 'U' or '-')
        {
            j++;
        }

        return j > 0 && j < rest.Length && rest[j] is ':' or ')'
            ? null
            : "this (?...) group is not supported by RE2 (RE2 knows (?:...), (?P<name>...), (?<name>...) and the flags i, m, s, U)";
    }

    private static string? FindBadRepeat(string pattern, int open)
    {
        var close = pattern.IndexOf('}', open);
        if (close < 0)
        {
            return null;
        }

        foreach (var part in pattern[(open + 1)..close].Split(','))
        {
            if (part.Length > 0 && part.All(char.IsAsciiDigit)
                && (part.Length > 4 || int.Parse(part, CultureInfo.InvariantCulture) > MaxRepeat))
            {
                return $"repetition counts above {MaxRepeat} are not supported by RE2";
            }
        }

        return null;
    }
}
