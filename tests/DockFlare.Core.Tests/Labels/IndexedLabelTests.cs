using DockFlare.Core.Diagnostics;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Labels;

public sealed class IndexedLabelTests
{
    [Fact]
    public void Compute_IndexedSets_FallBackToBaseServiceAndOptions()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.service=https://web:8443", "dockflare.no_tls_verify=true", "dockflare.zonename=example.com",
            "dockflare.0.hostname=a.example.com", "dockflare.1.hostname=b.example.com", "dockflare.1.service=https://web:9443"));

        var a = Assert.Single(state.Routes, r => r.Hostname == "a.example.com");
        var b = Assert.Single(state.Routes, r => r.Hostname == "b.example.com");
        Assert.Equal("https://web:8443", a.Service);
        Assert.Equal("https://web:9443", b.Service);
        Assert.True(a.OriginRequest!.NoTlsVerify);
        Assert.True(b.OriginRequest!.NoTlsVerify);
        Assert.Equal(0, a.Source.Index);
    }

    [Fact]
    public void Compute_BasePath_IsNotInheritedByIndexedSets()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/admin", "dockflare.service=http://web:80",
            "dockflare.0.hostname=other.example.com"));

        Assert.Equal("^/admin(?:/|$)", Assert.Single(state.Routes, r => r.Hostname == "app.example.com").Path);
        Assert.Null(Assert.Single(state.Routes, r => r.Hostname == "other.example.com").Path);
    }

    [Fact]
    public void Compute_BasePathWithoutBaseHostname_WarnsThatItHasNoEffect()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.path=/api", "dockflare.service=http://web:80", "dockflare.0.hostname=app.example.com"));

        var warning = state.Single(DiagnosticCodes.BaseLabelUnused);
        Assert.Equal("dockflare.path", warning.Label);
        Assert.Contains("dockflare.0.path=/api", warning.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(state.Routes).Path);
    }

    [Fact]
    public void Compute_GapInIndexes_WarnsAndStillUsesLaterIndexes()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.service=http://web:80",
            "dockflare.0.hostname=a.example.com", "dockflare.1.hostname=b.example.com", "dockflare.3.hostname=d.example.com"));

        Assert.Equal(3, state.Routes.Count);
        Assert.Contains(state.Routes, r => r.Hostname == "d.example.com");
        var warning = state.Single(DiagnosticCodes.IndexGap);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("index 2", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_IndexesStartingAtOne_WarnAboutMissingZero()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.service=http://web:80", "dockflare.1.hostname=a.example.com"));

        Assert.Single(state.Routes);
        Assert.Contains("index 0", state.Single(DiagnosticCodes.IndexGap).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_IndexWithoutHostname_IsAnErrorForThatIndexOnly()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.service=http://web:80",
            "dockflare.0.hostname=a.example.com", "dockflare.1.path=/x"));

        Assert.Single(state.Routes);
        var error = state.Single(DiagnosticCodes.IndexWithoutHostname);
        Assert.Equal("dockflare.1.path", error.Label);
        Assert.Contains("dockflare.1.hostname", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_IndexedAccessGroups_WinOverBaseGroups()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.service=http://web:80", "dockflare.access.groups=base1,base2",
            "dockflare.0.hostname=a.example.com", "dockflare.0.access.group=team",
            "dockflare.1.hostname=b.example.com"));

        Assert.Equal(["team"], Assert.Single(state.Access, a => a.Hostname == "a.example.com").Groups);
        Assert.Equal(["base1", "base2"], Assert.Single(state.Access, a => a.Hostname == "b.example.com").Groups);
    }

    [Fact]
    public void Compute_BaseAndIndexSameRoute_IsADuplicateWarning()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80",
            "dockflare.0.hostname=app.example.com"));

        Assert.Single(state.Routes);
        Assert.Equal("dockflare.0.hostname", state.Single(DiagnosticCodes.RouteDuplicate).Label);
    }

    [Fact]
    public void Compute_BaseAndIndexSameRouteDifferentService_IsAConflictError()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80",
            "dockflare.0.hostname=app.example.com", "dockflare.0.service=http://web:81"));

        Assert.Equal("http://web:80", Assert.Single(state.Routes).Service);
        Assert.Equal("dockflare.0.hostname", state.Single(DiagnosticCodes.RouteConflict).Label);
    }
}
