using DockFlare.Core.Diagnostics;
using DockFlare.Core.Zones;

namespace DockFlare.Core.Tests.Zones;

public sealed class ZoneResolverTests
{
    private static readonly string[] Account = ["example.com", "dev.example.com", "example.co.uk", "example.net"];

    [Theory]
    [InlineData("app.example.com", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("app.dev.example.com", "dev.example.com")]
    [InlineData("a.b.dev.example.com", "dev.example.com")]
    [InlineData("*.dev.example.com", "dev.example.com")]
    [InlineData("*.example.com", "example.com")]
    [InlineData("a.b.example.co.uk", "example.co.uk")]
    [InlineData("app.example.net", "example.net")]
    public void TryResolve_NoExplicitZone_PicksLongestAccountZone(string hostname, string zone)
    {
        var resolver = new ZoneResolver(Account, null, []);

        Assert.True(resolver.TryResolve(hostname, null, "z", out var resolved, out _));
        Assert.Equal(zone, resolved);
    }

    [Fact]
    public void TryResolve_PublicSuffixZone_IsNeverUsed()
    {
        var diagnostics = new List<Diagnostic>();
        var resolver = new ZoneResolver(["co.uk", "com"], null, diagnostics);

        Assert.False(resolver.TryResolve("a.b.example.co.uk", null, "z", out _, out var error));
        Assert.Equal(DiagnosticCodes.ZoneNotFound, error.Code);
        Assert.Equal(2, diagnostics.Count(d => d.Code is DiagnosticCodes.ZoneIsPublicSuffix or DiagnosticCodes.ZoneInvalid));
    }

    [Fact]
    public void TryResolve_NameOutsideAccountZones_FallsBackToDefaultOnlyWhenInside()
    {
        var resolver = new ZoneResolver(["example.net"], "example.com", []);

        Assert.True(resolver.TryResolve("app.example.com", null, "z", out var zone, out _));
        Assert.Equal("example.com", zone);
        Assert.False(resolver.TryResolve("app.example.org", null, "z", out _, out var error));
        Assert.Equal(DiagnosticCodes.ZoneNotFound, error.Code);
        Assert.Contains("app.example.org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_ExplicitAccountZone_IsUsed()
    {
        var resolver = new ZoneResolver(Account, null, []);

        Assert.True(resolver.TryResolve("app.dev.example.com", "Example.COM.", "z", out var zone, out _));
        Assert.Equal("example.com", zone);
    }

    [Fact]
    public void TryResolve_ExplicitZoneNotInAccount_IsAnError()
    {
        var resolver = new ZoneResolver(Account, null, []);

        Assert.False(resolver.TryResolve("app.example.org", "example.org", "dockflare.zonename", out _, out var error));
        Assert.Equal(DiagnosticCodes.ZoneInvalid, error.Code);
        Assert.Contains("dockflare.zonename=example.org", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_ExplicitZoneNotContainingHostname_IsAnError()
    {
        var resolver = new ZoneResolver(Account, null, []);

        Assert.False(resolver.TryResolve("app.example.net", "example.com", "z", out _, out var error));
        Assert.Equal(DiagnosticCodes.ZoneInvalid, error.Code);
        Assert.Contains("not inside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_SuffixWithoutDotBoundary_DoesNotMatch()
    {
        var resolver = new ZoneResolver(["example.com"], null, []);

        Assert.False(resolver.TryResolve("badexample.com", null, "z", out _, out _));
    }

    [Fact]
    public void TryResolve_ZonesUnknown_AcceptsEverythingWithoutZone()
    {
        var diagnostics = new List<Diagnostic>();
        var resolver = new ZoneResolver(null, null, diagnostics);

        Assert.True(resolver.TryResolve("app.anything.org", null, "z", out var zone, out _));
        Assert.Null(zone);
        Assert.Equal(DiagnosticCodes.ZonesUnknown, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void TryResolve_EmptyAccount_RejectsEverything()
    {
        var resolver = new ZoneResolver([], null, []);

        Assert.False(resolver.TryResolve("app.example.com", null, "z", out _, out var error));
        Assert.Contains("no zones", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_InternationalZoneName_IsNormalisedToPunycode()
    {
        var resolver = new ZoneResolver(["bücher.example"], null, []);

        Assert.True(resolver.TryResolve("shop.xn--bcher-kva.example", null, "z", out var zone, out _));
        Assert.Equal("xn--bcher-kva.example", zone);
    }
}
