using DockFlare.Core.Diagnostics;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Labels;

public sealed class LabelPrefixTests
{
    [Fact]
    public void Compute_LegacyPrefix_IsReadLikePrimary()
    {
        var state = Build.Run(Build.Container("web",
            "cloudflare.tunnel.enable=true", "cloudflare.tunnel.hostname=app.example.com", "cloudflare.tunnel.service=http://web:80"));

        Assert.Equal("app.example.com", Assert.Single(state.Routes).Hostname);
    }

    [Fact]
    public void Compute_MixedPrefixes_AreCombined()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "cloudflare.tunnel.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Equal("http://web:80", Assert.Single(state.Routes).Service);
    }

    [Theory]
    [InlineData("myco")]
    [InlineData("myco.")]
    [InlineData(" myco. ")]
    public void Compute_CustomPrefix_WithOrWithoutDot_IsRead(string prefix)
    {
        var state = Build.Run(Build.Settings(prefix: prefix), Build.Container("web",
            "myco.enable=true", "myco.hostname=app.example.com", "myco.service=http://web:80"));

        Assert.Single(state.Routes);
        Assert.DoesNotContain(state.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Compute_CustomPrefix_WinsOverPrimary_AndReportsTheShadowedLabel()
    {
        var state = Build.Run(Build.Settings(prefix: "myco"), Build.Container("web",
            "myco.enable=true", "myco.hostname=app.example.com", "dockflare.hostname=old.example.com", "dockflare.service=http://web:80"));

        Assert.Equal("app.example.com", Assert.Single(state.Routes).Hostname);
        var warning = state.Single(DiagnosticCodes.PrefixShadowed);
        Assert.Equal("dockflare.hostname", warning.Label);
        Assert.Contains("myco.hostname", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PrimaryWinsOverLegacy()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=new.example.com", "cloudflare.tunnel.hostname=old.example.com", "dockflare.service=http://web:80"));

        Assert.Equal("new.example.com", Assert.Single(state.Routes).Hostname);
        Assert.Equal("cloudflare.tunnel.hostname", state.Single(DiagnosticCodes.PrefixShadowed).Label);
    }

    [Fact]
    public void Compute_CustomPrefixThatIsPartOfLegacy_DoesNotSwallowLegacyLabels()
    {
        var state = Build.Run(Build.Settings(prefix: "cloudflare"), Build.Container("web",
            "cloudflare.tunnel.enable=true", "cloudflare.tunnel.hostname=app.example.com", "cloudflare.tunnel.service=http://web:80"));

        Assert.Single(state.Routes);
        Assert.Empty(state.WithCode(DiagnosticCodes.UnknownLabel));
    }

    [Fact]
    public void Compute_LabelsOfOtherTools_AreIgnoredSilently()
    {
        var state = Build.Run(Build.Container("web",
            "traefik.enable=true", "com.docker.compose.project=demo", "dockflare.enable=true",
            "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Single(state.Routes);
        Assert.DoesNotContain(state.Diagnostics, d => d.Source == "web");
    }
}
