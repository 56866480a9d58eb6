using DockFlare.Core.Diagnostics;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Labels;

public sealed class LabelReadingTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("t")]
    [InlineData("T")]
    [InlineData("yes")]
    [InlineData("YES")]
    [InlineData(" yes ")]
    public void Compute_EnableTrueWords_PublishTheContainer(string value)
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=" + value, "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Single(state.Routes);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("no")]
    [InlineData("f")]
    public void Compute_EnableFalseWords_IgnoreTheContainerQuietly(string value)
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=" + value, "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        Assert.DoesNotContain(state.Diagnostics, d => d.Source == "web");
    }

    [Theory]
    [InlineData("on")]
    [InlineData("enabled")]
    [InlineData("y")]
    public void Compute_EnableUnknownWord_IsFalseWithWarning(string value)
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=" + value, "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        Assert.Equal("dockflare.enable", state.Single(DiagnosticCodes.InvalidBoolean).Label);
    }

    [Fact]
    public void Compute_RouteLabelsWithoutEnable_WarnsThatContainerIsIgnored()
    {
        var state = Build.Run(Build.Container("web", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        var warning = state.Single(DiagnosticCodes.NotEnabled);
        Assert.Equal("web", warning.Source);
        Assert.Contains("dockflare.enable=true", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_EnabledWithoutHostname_IsAnError()
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=true"));

        Assert.Empty(state.Routes);
        Assert.Equal(DiagnosticSeverity.Error, state.Single(DiagnosticCodes.NoRoutes).Severity);
    }

    [Fact]
    public void Compute_ServiceWithoutHostname_IsAnErrorNamingTheServiceLabel()
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=true", "dockflare.service=http://web:80"));

        Assert.Equal("dockflare.service", state.Single(DiagnosticCodes.NoRoutes).Label);
    }

    [Fact]
    public void Compute_HostnameWithoutService_IsAnError()
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=true", "dockflare.hostname=app.example.com"));

        Assert.Empty(state.Routes);
        Assert.Contains("dockflare.service=http://", state.Single(DiagnosticCodes.ServiceMissing).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dockflare.hostnmae", "dockflare.hostname")]
    [InlineData("dockflare.servce", "dockflare.service")]
    [InlineData("dockflare.acess.group", "dockflare.access.group")]
    [InlineData("dockflare.0.hostame", "dockflare.0.hostname")]
    [InlineData("dockflare.1.no_tls_verfy", "dockflare.1.no_tls_verify")]
    [InlineData("cloudflare.tunnel.enabled", "cloudflare.tunnel.enable")]
    public void Compute_NearMissKey_WarnsWithDidYouMean(string key, string suggestion)
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80", key + "=x"));

        var warning = state.Single(DiagnosticCodes.UnknownLabel);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(key, warning.Label);
        Assert.Contains($"Did you mean '{suggestion}'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_UnrelatedUnknownKey_WarnsWithoutSuggestion()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80", "dockflare.description=hi"));

        Assert.DoesNotContain("Did you mean", state.Single(DiagnosticCodes.UnknownLabel).Message, StringComparison.Ordinal);
        Assert.Single(state.Routes);
    }

    [Fact]
    public void Compute_IndexedEnable_IsReportedAsNotPerIndex()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.0.enable=true", "dockflare.0.hostname=app.example.com", "dockflare.0.service=http://web:80"));

        Assert.Contains("not per index", state.Single(DiagnosticCodes.UnknownLabel).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_IndexWithLeadingZero_SuggestsPlainIndex()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.01.hostname=app.example.com", "dockflare.hostname=x.example.com", "dockflare.service=http://web:80"));

        Assert.Contains("'dockflare.1.hostname'", state.Single(DiagnosticCodes.UnknownLabel).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dockflare.port")]
    [InlineData("dockflare.protocol")]
    [InlineData("dockflare.access.email")]
    public void Compute_DocumentedButUnusedKey_WarnsThatItHasNoEffect(string key)
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80", key + "=x"));

        Assert.Equal(key, state.Single(DiagnosticCodes.IgnoredLabel).Label);
    }

    [Fact]
    public void Compute_ValuesAreTrimmed()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable= true ", "dockflare.hostname= app.example.com ", "dockflare.service= http://web:80 "));

        var route = Assert.Single(state.Routes);
        Assert.Equal("app.example.com", route.Hostname);
        Assert.Equal("http://web:80", route.Service);
    }
}
