using DockFlare.Core.Diagnostics;
using DockFlare.Core.Routing;

namespace DockFlare.Core.Tests.Routing;

public sealed class HostnameNormalizerTests
{
    [Theory]
    [InlineData("app.example.com", "app.example.com")]
    [InlineData("  App.Example.COM  ", "app.example.com")]
    [InlineData("app.example.com.", "app.example.com")]
    [InlineData("*.example.com", "*.example.com")]
    [InlineData("*.Dev.Example.com.", "*.dev.example.com")]
    [InlineData("bücher.example.com", "xn--bcher-kva.example.com")]
    [InlineData("*.münchen.example.de", "*.xn--mnchen-3ya.example.de")]
    [InlineData("a-b.c-d.example.com", "a-b.c-d.example.com")]
    [InlineData("xn--bcher-kva.example.com", "xn--bcher-kva.example.com")]
    public void TryNormalize_ValidHostname_ReturnsCanonicalForm(string raw, string expected)
    {
        Assert.True(HostnameNormalizer.TryNormalize(raw, "h", "p", "s", out var hostname, out _));
        Assert.Equal(expected, hostname);
    }

    [Theory]
    [InlineData("", DiagnosticCodes.HostnameInvalid)]
    [InlineData("localhost", DiagnosticCodes.HostnameInvalid)]
    [InlineData("my_app.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("-app.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("app-.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("app..example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("a.*.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("*.*.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("*", DiagnosticCodes.HostnameInvalid)]
    [InlineData("*app.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("*.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("192.0.2.1", DiagnosticCodes.HostnameInvalid)]
    [InlineData("app example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("xn--zz.example.com", DiagnosticCodes.HostnameInvalid)]
    [InlineData("app.example.com/api", DiagnosticCodes.HostnameHasPath)]
    [InlineData("app.example.com?x=1", DiagnosticCodes.HostnameHasPath)]
    [InlineData("app.example.com:8080", DiagnosticCodes.HostnameHasPort)]
    [InlineData("https://app.example.com", DiagnosticCodes.HostnameHasScheme)]
    [InlineData("http://app.example.com:8080/x", DiagnosticCodes.HostnameHasScheme)]
    public void TryNormalize_InvalidHostname_ReturnsCode(string raw, string code)
    {
        Assert.False(HostnameNormalizer.TryNormalize(raw, "h", "p", "s", out _, out var error));
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void TryNormalize_LabelOf64Characters_IsRejected()
    {
        var raw = new string('a', 64) + ".example.com";

        Assert.False(HostnameNormalizer.TryNormalize(raw, "h", "p", "s", out _, out var error));
        Assert.Contains("63", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_LabelOf63Characters_IsAccepted()
    {
        Assert.True(HostnameNormalizer.TryNormalize(new string('a', 63) + ".example.com", "h", "p", "s", out _, out _));
    }

    [Fact]
    public void TryNormalize_NameLongerThan253_IsRejected()
    {
        var raw = string.Join('.', Enumerable.Repeat(new string('a', 60), 4)) + ".example.com";

        Assert.False(HostnameNormalizer.TryNormalize(raw, "h", "p", "s", out _, out var error));
        Assert.Contains("253", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_PortInHostname_SaysWhereThePortBelongs()
    {
        HostnameNormalizer.TryNormalize("app.example.com:8080", "dockflare.hostname", "dockflare.path", "dockflare.service", out _, out var error);

        Assert.Contains("'dockflare.hostname=app.example.com'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dockflare.service=http://<container>:8080'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryNormalize_SchemeInHostname_SaysSchemeIsNotAllowed()
    {
        HostnameNormalizer.TryNormalize("https://app.example.com", "dockflare.hostname", "dockflare.path", "dockflare.service", out _, out var error);

        Assert.Contains("scheme", error.Message, StringComparison.Ordinal);
        Assert.Contains("'dockflare.hostname=app.example.com'", error.Message, StringComparison.Ordinal);
    }
}
