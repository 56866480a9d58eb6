using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using DockFlare.Core.Diagnostics;

namespace DockFlare.Core.Routing;

/// <summary>
/// Turns a path label into the expression cloudflared gets. cloudflared treats <c>path</c> as
/// an unanchored regular expression, so the engine anchors plain paths:
/// <list type="bullet">
/// <item><c>/api</c> (plain) → <c>^/api(?:/|$)</c>: <c>/api</c> and everything below it, not <c>/apiv2</c>.</item>
/// <item><c>/webhook/*</c> or <c>/files*</c> (glob) → <c>^/webhook/</c>, <c>^/files</c>: a prefix.</item>
/// <item>anything with regular-expression syntax (<c>^ $ * + ? ( ) [ ] { } | \</c>) is passed
/// through as written, after checking it compiles under RE2 rules.</item>
/// </list>
/// </summary>
internal static partial class PathNormalizer
{
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<string, string?> CompileErrors = new(StringComparer.Ordinal);

    /// <summary>Normalises a path; a null <paramref name="path"/> with true means "the whole host".</summary>
    public static bool TryNormalize(string raw, string pathKey, DiagnosticSink sink, out NormalizedPath? path, out ValidationError error)
    {
        path = null;
        error = default;
        var text = raw.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (text.Any(char.IsWhiteSpace) || text.Any(char.IsControl))
        {
            error = new(DiagnosticCodes.PathInvalid, $"The path '{text}' contains whitespace; URL paths encode spaces as %20.");
            return false;
        }

        if (IsPlain(text))
        {
            path = Plain(text);
            return true;
        }

        // A trailing '*' after a plain path is a glob; '.*' is regular-expression syntax.
        if (text.EndsWith('*') && !text.EndsWith(".*", StringComparison.Ordinal) && IsPlain(text[..^1]))
        {
            var prefix = Rooted(text[..^1]);
            if (prefix == "/")
            {
                sink.Info(DiagnosticCodes.PathGlob, pathKey, $"The path '{text}' covers the whole host; it is the same as no path.");
                return true;
            }

            sink.Info(DiagnosticCodes.PathGlob, pathKey,
                $"The glob '{text}' is read as \"everything starting with {prefix}\" (^{EscapeLiteral(prefix)}); as a raw regular expression it would have matched far more.");
            path = new NormalizedPath("^" + EscapeLiteral(prefix), prefix + "*", prefix.Length, PathKind.Glob);
            return true;
        }

        if (Re2Syntax.FindUnsupported(text) is { } unsupported)
        {
            error = new(DiagnosticCodes.PathInvalid,
                $"The path '{text}' is a regular expression that cloudflared cannot use: {unsupported}.");
            return false;
        }

        if (CompileError(text) is { } compile)
        {
            error = new(DiagnosticCodes.PathInvalid, $"The path '{text}' is not a valid regular expression: {compile}.");
            return false;
        }

        if (!text.StartsWith('^'))
        {
            sink.Warning(DiagnosticCodes.PathUnanchored, pathKey,
                $"The path '{text}' is a regular expression without '^', so cloudflared matches it anywhere in the URL path (also '/x{text.TrimStart('.', '*')}'); start it with '^' to anchor it, or write a plain path such as '/api'.");
        }

        path = new NormalizedPath(text, null, LiteralLength(text), PathKind.Regex);
        return true;
    }

    private static NormalizedPath? Plain(string text)
    {
        var prefix = Rooted(text);
        if (prefix.Length > 1)
        {
            prefix = prefix.TrimEnd('/');
        }

        return prefix == "/" ? null : new NormalizedPath("^" + EscapeLiteral(prefix) + "(?:/|$)", prefix, prefix.Length, PathKind.Plain);
    }

    private static string Rooted(string text) => text.StartsWith('/') ? text : "/" + text;

    // Characters that mean nothing special in a regular expression, except '.', which is escaped.
    private static bool IsPlain(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.' or '~' or '%' or '!' or '&' or '\'' or ',' or ';' or '=' or ':' or '@');

    private static string EscapeLiteral(string text) => text.Replace(".", "\\.", StringComparison.Ordinal);

    private static string? CompileError(string pattern)
    {
        if (CompileErrors.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        string? error = null;
        try
        {
            _ = new Regex(ToDotNetSyntax(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
        }

        if (CompileErrors.Count > CacheLimit)
        {
            CompileErrors.Clear();
        }

        CompileErrors[pattern] = error;
        return error;
    }

    // RE2 syntax that .NET spells differently: (?P<name>...) is (?<name>...), \x{41} is \u0041,
    // \Q...\E quotes literally. What Re2Syntax lets through otherwise parses the same in .NET,
    // so .NET's parser can check the rest (balanced groups, classes, quantifier placement).
    private static string ToDotNetSyntax(string pattern)
    {
        var result = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        result = HexEscape().Replace(result, m =>
            int.TryParse(m.Groups[1].ValueSpan, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code) && code <= 0xFFFF
                ? "\\u" + code.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                : "\\p{L}");
        return QuotedLiteral().Replace(result, m => Regex.Escape(m.Groups[1].Value));
    }

    [GeneratedRegex(@"\\x\{([0-9A-Fa-f]{1,6})\}", RegexOptions.CultureInvariant)]
    private static partial Regex HexEscape();

    [GeneratedRegex(@"\\Q(.*?)(?:\\E|$)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex QuotedLiteral();

    // The number of literal characters at the start (after '^'); a literal followed by an
    // optional quantifier does not count.
    private static int LiteralLength(string pattern)
    {
        var i = pattern.StartsWith('^') ? 1 : 0;
        var literal = new StringBuilder();
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && !char.IsAsciiLetterOrDigit(pattern[i + 1]))
            {
                literal.Append(pattern[i + 1]);
                i += 2;
                continue;
            }

            if ("^$*+?()[]{}|\\.".Contains(c, StringComparison.Ordinal))
            {
                if (c is '*' or '?' or '{' && literal.Length > 0)
                {
                    literal.Length--;
                }

                break;
            }

            literal.Append(c);
            i++;
        }

        return literal.Length;
    }
}
