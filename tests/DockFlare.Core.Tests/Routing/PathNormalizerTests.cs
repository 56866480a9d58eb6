using System.Text.RegularExpressions;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Tests.Routing;

public sealed class PathNormalizerTests
{
    [Theory]
    [InlineData("/api", "^/api(?:/|$)")]
    [InlineData("api", "^/api(?:/|$)")]
    [InlineData("/api/", "^/api(?:/|$)")]
    [InlineData("/v1/foo", "^/v1/foo(?:/|$)")]
    [InlineData("/.well-known", "^/\\.well-known(?:/|$)")]
    [InlineData("/file.txt", "^/file\\.txt(?:/|$)")]
    [InlineData("/webhook/*", "^/webhook/")]
    [InlineData("/files*", "^/files")]
    [InlineData("^/api/v[0-9]+", "^/api/v[0-9]+")]
    [InlineData("/bbb/.*", "/bbb/.*")]
    [InlineData("^/(?P<ver>v[12])/", "^/(?P<ver>v[12])/")]
    public void TryNormalize_Path_EmitsExpectedExpression(string raw, string expected)
    {
        var ok = PathNormalizer.TryNormalize(raw, "p", Sink(out _), out var path, out var error);

        Assert.True(ok, error.Message);
        Assert.Equal(expected, path!.Expression);
    }

    [Theory]
    [InlineData("/api", "/api", true)]
    [InlineData("/api", "/api/users", true)]
    [InlineData("/api", "/api/", true)]
    [InlineData("/api", "/apiv2", false)]
    [InlineData("/api", "/x/api", false)]
    [InlineData("/api", "/", false)]
    [InlineData("/v1/foo", "/v1/foo/bar", true)]
    [InlineData("/v1/foo", "/v1/foobar", false)]
    [InlineData("/file.txt", "/fileXtxt", false)]
    [InlineData("/webhook/*", "/webhook/abc", true)]
    [InlineData("/webhook/*", "/x/webhook/abc", false)]
    [InlineData("/webhook/*", "/webhook-test", false)]
    public void TryNormalize_PlainPath_MatchesItselfAndBelowOnly(string raw, string requestPath, bool matches)
    {
        PathNormalizer.TryNormalize(raw, "p", Sink(out _), out var path, out _);

        // cloudflared searches the expression unanchored (Go's MatchString); Regex.IsMatch does the same.
        Assert.Equal(matches, Regex.IsMatch(requestPath, path!.Expression));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("/*")]
    public void TryNormalize_RootOrEmpty_MeansWholeHost(string raw)
    {
        Assert.True(PathNormalizer.TryNormalize(raw, "p", Sink(out _), out var path, out _));
        Assert.Null(path);
    }

    [Theory]
    [InlineData("^/(?=admin)", "lookahead")]
    [InlineData("^/(?!admin)", "lookahead")]
    [InlineData("^/(?<=a)b", "lookbehind")]
    [InlineData("^/(?<!a)b", "lookbehind")]
    [InlineData("^/(a)\\1", "backreference")]
    [InlineData("^/(?<n>a)\\k<n>", "backreference")]
    [InlineData("^/(?>a+)", "atomic")]
    [InlineData("^/a*+", "possessive")]
    [InlineData("^/a{1001}", "1000")]
    [InlineData("^/(?#note)a", "comment")]
    [InlineData("^/a\\Z", "\\Z")]
    [InlineData("^/\\u0041", "\\u")]
    [InlineData("^/\\cA", "\\c")]
    [InlineData("^/\\e", "\\e")]
    [InlineData("^/(unclosed", "not a valid regular expression")]
    [InlineData("^/[a-", "not a valid regular expression")]
    [InlineData("/a b", "whitespace")]
    public void TryNormalize_RegexNotValidUnderRe2_IsRejected(string raw, string reason)
    {
        Assert.False(PathNormalizer.TryNormalize(raw, "p", Sink(out _), out _, out var error));
        Assert.Equal(DiagnosticCodes.PathInvalid, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("^/(?i)admin")]
    [InlineData("^/(?i:admin)")]
    [InlineData("^/[[:alpha:]]+$")]
    [InlineData("^/a{2,5}$")]
    [InlineData("^/x\\.y\\z")]
    [InlineData("^/\\x41\\x{42}\\d+\\p{L}\\S\\bend\\B")]
    [InlineData("^/\\Qa.b(c\\E$")]
    public void TryNormalize_Re2Constructs_AreAccepted(string raw)
    {
        Assert.True(PathNormalizer.TryNormalize(raw, "p", Sink(out _), out _, out var error), error.Message);
    }

    [Fact]
    public void TryNormalize_UnanchoredRegex_WarnsAndSuggestsCaret()
    {
        PathNormalizer.TryNormalize("/bbb/.*", "dockflare.path", Sink(out var diagnostics), out _, out _);

        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.PathUnanchored, warning.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'^'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_Glob_ExplainsTheReading()
    {
        PathNormalizer.TryNormalize("/webhook/*", "dockflare.path", Sink(out var diagnostics), out var path, out _);

        Assert.Equal(DiagnosticCodes.PathGlob, Assert.Single(diagnostics).Code);
        Assert.Equal("/webhook/*", path!.AccessPath);
    }

    [Fact]
    public void TryNormalize_PlainPath_HasAccessPathAndLength()
    {
        PathNormalizer.TryNormalize("/api/users/", "p", Sink(out _), out var path, out _);

        Assert.Equal("/api/users", path!.AccessPath);
        Assert.Equal(10, path.LiteralLength);
        Assert.Equal(PathKind.Plain, path.Kind);
    }

    [Theory]
    [InlineData("^/api/v[0-9]+", 6)]
    [InlineData("^/api/?", 4)]
    [InlineData("/bbb/.*", 5)]
    [InlineData("^/a\\.b/", 5)]
    [InlineData("^(a|b)", 0)]
    public void TryNormalize_Regex_LiteralLengthCountsLeadingLiterals(string raw, int expected)
    {
        PathNormalizer.TryNormalize(raw, "p", Sink(out _), out var path, out _);

        Assert.Equal(expected, path!.LiteralLength);
        Assert.Null(path.AccessPath);
    }

    private static DiagnosticSink Sink(out List<Diagnostic> diagnostics)
    {
        diagnostics = [];
        return new DiagnosticSink(diagnostics, "c", null, null);
    }
}
