using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Properties;

/// <summary>Guards the property tests against going vacuous: the generator must keep producing the hard cases.</summary>
public sealed class GeneratorCoverageTests
{
    [Fact]
    public void SeededGenerator_Seeds_ProduceWildcardsPathsGlobsAndConflicts()
    {
        var states = Enumerable.Range(1, 50).Select(seed =>
        {
            var generator = new SeededGenerator(seed);
            return DesiredStateEngine.Compute(new EngineInput(generator.Containers(20, withJunk: true), generator.ManualRules(3), Build.Settings()));
        }).ToList();
        var routes = states.SelectMany(s => s.Routes).ToList();

        Assert.True(routes.Count > 500, $"only {routes.Count} routes");
        Assert.Contains(routes, r => r.Hostname.StartsWith("*.", StringComparison.Ordinal) && r.Path is not null);
        Assert.Contains(routes, r => r.Path?.EndsWith("(?:/|$)", StringComparison.Ordinal) == true);
        Assert.Contains(routes, r => r.Path?.EndsWith('/') == true);
        Assert.Contains(routes, r => r.PendingDeletion);
        Assert.Contains(routes, r => r.Source.Kind == RouteSourceKind.Manual);
        Assert.Contains(states.SelectMany(s => s.Diagnostics), d => d.Code == DiagnosticCodes.RouteConflict);
        Assert.Contains(states.SelectMany(s => s.Diagnostics), d => d.Code == DiagnosticCodes.HostnameTunnelConflict);
        Assert.True(states.Max(s => s.Ingress.Max(d => d.Rules.Count)) > 8);
    }

    [Theory]
    [InlineData("app.example.com", null, "app.example.com", "^/api(?:/|$)", true)]
    [InlineData("*.example.com", null, "app.example.com", null, true)]
    [InlineData("*.example.com", null, "*.a.example.com", null, true)]
    [InlineData("app.example.com", "^/api(?:/|$)", "app.example.com", "^/api/v1(?:/|$)", true)]
    [InlineData("app.example.com", "^/a", "app.example.com", "^/ab(?:/|$)", true)]
    [InlineData("app.example.com", "^/api(?:/|$)", "app.example.com", "^/apiv2(?:/|$)", false)]
    [InlineData("app.example.com", "^/api/v1(?:/|$)", "app.example.com", "^/api(?:/|$)", false)]
    [InlineData("app.example.com", "^/api(?:/|$)", "app.example.com", null, false)]
    [InlineData("*.a.example.com", null, "*.example.com", null, false)]
    [InlineData("app.example.com", null, "*.example.com", null, false)]
    public void ShadowCheck_Covers_DecidesKnownPairs(string earlierHost, string? earlierPath, string laterHost, string? laterPath, bool covers)
    {
        Assert.Equal(covers, ShadowCheck.Covers(new IngressRule(earlierHost, earlierPath, "x", null), new IngressRule(laterHost, laterPath, "y", null)));
    }
}
