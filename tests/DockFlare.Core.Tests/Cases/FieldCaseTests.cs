using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Cases;

/// <summary>The failure cases from shared/cases/cases.md that the label engine owns, one test each.</summary>
public sealed class FieldCaseTests
{
    [Theory]
    [InlineData("dockflare.enabled", "dockflare.enable")]
    [InlineData("cloudflare.tunnel.enabled", "cloudflare.tunnel.enable")]
    public void B01_EnableTypo_PublishesNothingAndNamesContainerAndKey(string typo, string suggestion)
    {
        var state = Build.Run(Build.Container("web", typo + "=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        Assert.Empty(state.Hostnames);
        Assert.Equal([IngressRule.CatchAll], state.Ingress[0].Rules);
        var unknown = state.Single(DiagnosticCodes.UnknownLabel);
        Assert.Equal("web", unknown.Source);
        Assert.Equal(typo, unknown.Label);
        Assert.Contains($"Did you mean '{suggestion}'?", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DockFlare.Enable", "dockflare.enable")]
    [InlineData("Cloudflare.Tunnel.enable", "cloudflare.tunnel.enable")]
    public void B01_WronglyCasedPrefix_IsReportedWithSuggestion(string typo, string suggestion)
    {
        var state = Build.Run(Build.Container("web", typo + "=true", "dockflare.hostname=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        var unknown = Assert.Single(state.Diagnostics, d => d.Label == typo);
        Assert.Equal(DiagnosticCodes.UnknownLabel, unknown.Code);
        Assert.Contains($"Did you mean '{suggestion}'?", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B01_HostnameTypo_IsReportedWithSuggestion()
    {
        var state = Build.Run(Build.Container("web", "dockflare.enable=true", "dockflare.hostnmae=app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        var unknown = state.Single(DiagnosticCodes.UnknownLabel);
        Assert.Equal("dockflare.hostnmae", unknown.Label);
        Assert.Contains("Did you mean 'dockflare.hostname'?", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B03_PathInsideHostnameLabel_IsAnErrorThatSaysWhatToWrite()
    {
        var state = Build.Run(Build.Container("n8n",
            "dockflare.enable=true",
            "dockflare.0.hostname=n8n.example.com", "dockflare.0.service=http://192.0.2.10:5678",
            "dockflare.1.hostname=n8n.example.com/webhook/*", "dockflare.1.service=http://192.0.2.10:5678", "dockflare.1.access.policy=bypass",
            "dockflare.2.hostname=n8n.example.com/form", "dockflare.2.service=http://192.0.2.10:5678"));

        // Index 0 is always created, and no hostname with '/' reaches ingress or DNS.
        var route = Assert.Single(state.Routes);
        Assert.Equal("n8n.example.com", route.Hostname);
        Assert.Equal(0, route.Source.Index);
        Assert.DoesNotContain(state.Ingress[0].Rules, r => r.Hostname?.Contains('/', StringComparison.Ordinal) == true);
        Assert.DoesNotContain(state.Hostnames, h => h.Hostname.Contains('/', StringComparison.Ordinal));

        var errors = state.WithCode(DiagnosticCodes.HostnameHasPath).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("dockflare.1.hostname", errors[0].Label);
        Assert.Contains("'dockflare.1.hostname=n8n.example.com' and 'dockflare.1.path=/webhook/*'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Label set 1", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("'dockflare.2.path=/form'", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B03_FixedLabels_PublishTheWebhookPathBeforeTheHost()
    {
        var state = Build.Run(Build.Container("n8n",
            "dockflare.enable=true",
            "dockflare.0.hostname=n8n.example.com", "dockflare.0.service=http://192.0.2.10:5678",
            "dockflare.1.hostname=n8n.example.com", "dockflare.1.path=/webhook/*", "dockflare.1.service=http://192.0.2.10:5678",
            "dockflare.1.access.policy=bypass"));

        var rules = state.Ingress[0].Rules;
        Assert.Equal("^/webhook/", rules[0].Path);
        Assert.Null(rules[1].Path);
        Assert.Equal("n8n.example.com/webhook/*", Assert.Single(state.Access, a => a.Path is not null).Domain);
    }

    [Theory]
    [InlineData("http://my_app:80", null)]
    [InlineData("https://caddy", null)]
    [InlineData("http://[2001:db8::1]:8080", null)]
    [InlineData("tcp://db:5432", null)]
    [InlineData("ssh://host:22", null)]
    [InlineData("rdp://pc:3389", null)]
    [InlineData("http_status:404", null)]
    [InlineData("bastion", null)]
    [InlineData("tcp://db", "needs a port")]
    [InlineData("http://192.0.2.1/nas", "cannot proxy to a different path")]
    [InlineData("ftp://x:21", "unsupported scheme")]
    [InlineData("http://", "host is missing")]
    [InlineData("web:80", "no scheme")]
    public void B04_ServiceValidation_MatchesCloudflared(string service, string? reason)
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.0.hostname=app.example.com", "dockflare.0.service=" + service));

        if (reason is null)
        {
            Assert.Equal(service, Assert.Single(state.Routes).Service);
            return;
        }

        Assert.Empty(state.Routes);
        Assert.Equal([IngressRule.CatchAll], state.Ingress[0].Rules);
        var error = Assert.Single(state.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("web", error.Source);
        Assert.Equal("dockflare.0.service", error.Label);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B04_SchemeInHostname_SaysSchemeNotAllowed()
    {
        var state = Build.Run(Build.Container("web",
            "dockflare.enable=true", "dockflare.hostname=https://app.example.com", "dockflare.service=http://web:80"));

        Assert.Empty(state.Routes);
        Assert.Contains("scheme, which is not allowed in a hostname", state.Single(DiagnosticCodes.HostnameHasScheme).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B05_SameHostnameDifferentPaths_BothRoutesOneDnsRecordSeparateAccess()
    {
        var foo = Build.Container("foo", "dockflare.enable=true", "dockflare.hostname=api.example.com", "dockflare.path=/v1/foo",
            "dockflare.service=http://foo:8080", "dockflare.access.group=foo-team");
        var bar = Build.Container("bar", "dockflare.enable=true", "dockflare.hostname=api.example.com", "dockflare.path=/v1/bar",
            "dockflare.service=http://bar:8080", "dockflare.access.group=bar-team");

        var state = Build.Run(foo, bar);

        Assert.Equal(2, state.Routes.Count);
        Assert.Single(state.Hostnames);
        Assert.Equal(["api.example.com/v1/bar", "api.example.com/v1/foo"], state.Access.Select(a => a.Domain).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(state.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);

        // Stopping foo (it leaves the input after its grace period) removes only its entry.
        var afterStop = Build.Run(bar);
        var rule = Assert.Single(afterStop.Ingress[0].Rules, r => r.Hostname is not null);
        Assert.Equal("http://bar:8080", rule.Service);
        Assert.Single(afterStop.Hostnames);
    }

    [Fact]
    public void B06_StartOrder_DoesNotChangeIngressAndApiIsReachable()
    {
        var a = Build.Container("a", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.service=http://a:80");
        var b = Build.Container("b", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/api", "dockflare.service=http://b:80");
        var manual = new ManualRule("fallback", "local", "*.example.com", "http://fallback:80");

        var aFirst = DesiredStateEngine.Compute(new EngineInput([a, b], [manual], Build.Settings()));
        var bFirst = DesiredStateEngine.Compute(new EngineInput([b, a], [manual], Build.Settings()));

        Assert.Equal(aFirst.Ingress[0].ToConfigJson(), bFirst.Ingress[0].ToConfigJson());
        var rules = aFirst.Ingress[0].Rules;
        Assert.Equal(["app.example.com", "app.example.com", "*.example.com", null], rules.Select(r => r.Hostname));
        Assert.Equal("http://b:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/api/x").Service);
        Assert.Equal("http://a:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/other").Service);
        Assert.Equal("http://fallback:80", CloudflaredMatcher.Resolve(rules, "https://other.example.com/api").Service);
        Assert.Equal("http_status:404", CloudflaredMatcher.Resolve(rules, "https://example.org/").Service);
    }

    [Fact]
    public void B07_PathsAreAnchoredPrefixes_NotUnanchoredRegexes()
    {
        var svc1 = Build.Container("svc1", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/aaa", "dockflare.service=http://s1:80");
        var svc2 = Build.Container("svc2", "dockflare.enable=true", "dockflare.hostname=app.example.com", "dockflare.path=/bbb/.*", "dockflare.service=http://s2:80");

        var state = Build.Run(svc1, svc2);
        var rules = state.Ingress[0].Rules;

        Assert.Equal("http://s1:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/aaa").Service);
        Assert.Equal("http://s1:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/aaa/x").Service);
        Assert.Equal("http://s2:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/bbb/aaa/ccc").Service);
        Assert.NotEqual("http://s1:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/aaab").Service);
        Assert.NotEqual("http://s1:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/x/aaa").Service);

        // The regex was written without '^': it is passed through, with a warning that says how to anchor it.
        var warning = state.Single(DiagnosticCodes.PathUnanchored);
        Assert.Equal("svc2", warning.Source);
    }

    [Fact]
    public void B07_GlobPath_IsAPrefixNotARegex()
    {
        var state = Build.Run(Build.Container("hook", "dockflare.enable=true", "dockflare.hostname=app.example.com",
            "dockflare.path=/webhook/*", "dockflare.service=http://hook:80"));
        var rules = state.Ingress[0].Rules;

        Assert.Equal("http://hook:80", CloudflaredMatcher.Resolve(rules, "https://app.example.com/webhook/abc").Service);
        Assert.Equal("http_status:404", CloudflaredMatcher.Resolve(rules, "https://app.example.com/x/webhook-test").Service);
        Assert.Equal("http_status:404", CloudflaredMatcher.Resolve(rules, "https://app.example.com/webhook-test").Service);
    }

    [Fact]
    public void B19_MultiZone_LongestSuffixZoneAndExplicitZoneMustContainHostname()
    {
        var settings = Build.Settings(zones: ["example.com", "example.net"], defaultZone: "example.com");

        var detected = Build.Run(settings, Build.Container("app", "dockflare.enable=true", "dockflare.hostname=app.example.net", "dockflare.service=http://app:80"));
        Assert.Equal(new HostnameAssignment("app.example.net", "example.net", "local", false), Assert.Single(detected.Hostnames));

        var wrong = Build.Run(settings, Build.Container("app", "dockflare.enable=true", "dockflare.hostname=app.example.net",
            "dockflare.zonename=example.com", "dockflare.service=http://app:80"));
        Assert.Empty(wrong.Routes);
        var error = wrong.Single(DiagnosticCodes.ZoneInvalid);
        Assert.Equal("dockflare.zonename", error.Label);
        Assert.Contains("app.example.net", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B21_AgentContainer_GetsTheSameZoneResolution_AndErrorsNameTheHostname()
    {
        var labels = new[] { "dockflare.enable=true", "dockflare.hostname=nginx.example.com", "dockflare.service=http://web:80" };
        var settings = Build.Settings(zones: ["example.com"]) with { TunnelByHost = new Dictionary<string, string> { ["agent-1"] = "tunnel-b" } };

        var state = Build.Run(settings, Build.ContainerOn("agent-1", "nginx", labels));
        Assert.Equal(new HostnameAssignment("nginx.example.com", "example.com", "tunnel-b", false), Assert.Single(state.Hostnames));
        Assert.Equal("nginx.example.com", Assert.Single(state.Ingress, d => d.Tunnel == "tunnel-b").Rules[0].Hostname);

        var noZone = Build.Run(Build.Settings(zones: ["example.org"]), Build.ContainerOn("agent-1", "nginx", labels));
        var error = noZone.Single(DiagnosticCodes.ZoneNotFound);
        Assert.Contains("nginx.example.com", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("|", error.Message, StringComparison.Ordinal);
        Assert.Equal("agent-1", error.Host);
    }

    [Fact]
    public void B27_AgentAndLocalContainers_ParseIdentically()
    {
        var labels = new[]
        {
            "dockflare.enable=true", "dockflare.0.hostname=kc.example.com", "dockflare.0.service=https://192.0.2.50:6443",
            "dockflare.0.no_tls_verify=true", "dockflare.0.originsrvname=kc.internal.example", "dockflare.0.access.policy=authenticate",
        };
        var settings = Build.Settings() with { TunnelByHost = new Dictionary<string, string> { ["master"] = "tunnel-a", ["agent-1"] = "tunnel-b" } };

        var local = Build.Run(settings, Build.ContainerOn("master", "kc", labels)).Routes.Single();
        var agent = Build.Run(settings, Build.ContainerOn("agent-1", "kc", labels)).Routes.Single();

        Assert.Equal(local with { Tunnel = "", Source = agent.Source }, agent with { Tunnel = "" });
        Assert.Equal("tunnel-b", agent.Tunnel);
        Assert.True(agent.OriginRequest!.NoTlsVerify);
        Assert.Equal("kc.internal.example", agent.OriginRequest.OriginServerName);
        Assert.Equal(["authenticated-default"], agent.Access.Groups);
        Assert.Contains("\"noTLSVerify\":true", new IngressDocument("t", [agent.ToIngressRule()]).ToConfigJson(), StringComparison.Ordinal);
    }
}
