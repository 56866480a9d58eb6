using System.Text.Json;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Engine;

public sealed class OriginRequestTests
{
    [Fact]
    public void Compute_AllOriginLabels_UseCloudflareKeySpellings()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=https://web:8443",
            "dockflare.no_tls_verify=true", "dockflare.originsrvname=web.internal.example", "dockflare.httpHostHeader=web.internal.example",
            "dockflare.http2_origin=yes", "dockflare.disable_chunked_encoding=1", "dockflare.match_sni_to_host=t"));

        using var json = JsonDocument.Parse(state.Ingress[0].ToConfigJson());
        var origin = json.RootElement.GetProperty("ingress")[0].GetProperty("originRequest");
        var keys = origin.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["disableChunkedEncoding", "http2Origin", "httpHostHeader", "matchSNItoHost", "noTLSVerify", "originServerName"], keys);
        Assert.True(origin.GetProperty("noTLSVerify").GetBoolean());
        Assert.Equal("web.internal.example", origin.GetProperty("originServerName").GetString());
    }

    [Fact]
    public void Compute_FalseOptions_AreNotEmitted()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=https://web:8443",
            "dockflare.no_tls_verify=false", "dockflare.http2_origin=no"));

        Assert.Null(Assert.Single(state.Routes).OriginRequest);
        Assert.DoesNotContain("originRequest", state.Ingress[0].ToConfigJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp://db:5432")]
    [InlineData("ssh://host:22")]
    [InlineData("http_status:418")]
    [InlineData("unix:/run/a.sock")]
    [InlineData("hello_world")]
    [InlineData("bastion")]
    public void Compute_OriginOptionsOnNonHttpService_AreDroppedWithWarning(string service)
    {
        var state = Build.Run(Build.Container("db",
            "dockflare.enable=true", "dockflare.hostname=db.example.com", "dockflare.service=" + service, "dockflare.no_tls_verify=true"));

        Assert.Null(Assert.Single(state.Routes).OriginRequest);
        Assert.Equal(DiagnosticSeverity.Warning, state.Single(DiagnosticCodes.OriginOptionsIgnored).Severity);
    }

    [Fact]
    public void Compute_InvalidBooleanOption_IsFalseWithWarning()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=https://web", "dockflare.no_tls_verify=sure"));

        Assert.Null(Assert.Single(state.Routes).OriginRequest);
        Assert.Equal("dockflare.no_tls_verify", state.Single(DiagnosticCodes.InvalidBoolean).Label);
    }
}
