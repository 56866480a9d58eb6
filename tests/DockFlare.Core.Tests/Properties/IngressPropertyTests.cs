using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Routing;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Properties;

/// <summary>Properties that must hold for any generated input; each failure names its seed.</summary>
public sealed class IngressPropertyTests
{
    private const int Runs = 250;
    private static readonly HashSet<string> KnownCodes = typeof(DiagnosticCodes).GetFields()
        .Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, Runs)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_AnyInput_EveryDocumentEndsWithExactlyOneCatchAll(int seed)
    {
        var state = Generate(seed, out _);

        Assert.All(state.Ingress, document =>
        {
            Assert.True(document.Rules[^1] == IngressRule.CatchAll, $"seed {seed}: last rule of {document.Tunnel} is not the catch-all");
            Assert.Equal(1, document.Rules.Count(r => r.IsCatchAll));
        });
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_AnyInput_NoRuleIsShadowedByAnEarlierOne(int seed)
    {
        var state = Generate(seed, out _);

        foreach (var document in state.Ingress)
        {
            var rules = document.Rules;
            for (var j = 0; j < rules.Count - 1; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    Assert.False(ShadowCheck.Covers(rules[i], rules[j]),
                        $"seed {seed}: rule #{j} ({rules[j].Hostname} {rules[j].Path}) is shadowed by rule #{i} ({rules[i].Hostname} {rules[i].Path})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_AnyInput_EveryRuleIsReachedByARequestMeantForIt(int seed)
    {
        var state = Generate(seed, out _);

        foreach (var document in state.Ingress)
        {
            for (var j = 0; j < document.Rules.Count - 1; j++)
            {
                var (host, path) = SampleFor(state.Routes.Single(r => r.Tunnel == document.Tunnel && r.ToIngressRule() == document.Rules[j]));
                Assert.True(CloudflaredMatcher.Match(document.Rules, host, path) == j, $"seed {seed}: {host}{path} does not reach rule #{j}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_AnyInput_IsIndependentOfInputOrder(int seed)
    {
        var state = Generate(seed, out var input);
        var shuffler = new SeededGenerator(seed * 7919);
        var shuffled = DesiredStateEngine.Compute(input with
        {
            Containers = shuffler.Shuffle(input.Containers),
            ManualRules = shuffler.Shuffle(input.ManualRules),
        });

        Assert.Equal(state.Ingress.Select(d => d.Tunnel + d.ToConfigJson()), shuffled.Ingress.Select(d => d.Tunnel + d.ToConfigJson()));
        Assert.Equal(state.Routes, shuffled.Routes);
        Assert.Equal(state.Hostnames, shuffled.Hostnames);
        Assert.Equal(state.Diagnostics, shuffled.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_AnyInput_ProducesWellFormedOutput(int seed)
    {
        var state = Generate(seed, out _);

        Assert.All(state.Diagnostics, d =>
        {
            Assert.Contains(d.Code, KnownCodes);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        });
        Assert.All(state.Routes, r =>
        {
            Assert.DoesNotContain('/', r.Hostname);
            Assert.DoesNotContain(':', r.Hostname);
            Assert.Equal(r.Hostname, r.Hostname.ToLowerInvariant());
            Assert.Equal(r.OriginRequest is not null, r.OriginRequest is not null && r.ServiceKind is ServiceKind.Http or ServiceKind.Https);
        });
        Assert.Equal(state.Routes.Select(r => r.Key).Distinct().Count(), state.Routes.Count);
        Assert.Equal(state.Routes.Select(r => r.Hostname).Distinct().Count(), state.Hostnames.Count);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_PriorOwnersFedBack_NothingMoves(int seed)
    {
        var state = Generate(seed, out var input);

        var again = DesiredStateEngine.Compute(input with { PriorOwners = state.Owners });

        Assert.Equal(state.Owners.OrderBy(o => o.Key.ToString(), StringComparer.Ordinal), again.Owners.OrderBy(o => o.Key.ToString(), StringComparer.Ordinal));
    }

    private static DesiredState Generate(int seed, out EngineInput input)
    {
        var generator = new SeededGenerator(seed);
        input = new EngineInput(generator.Containers(20, withJunk: true), generator.ManualRules(3), Build.Settings());
        return DesiredStateEngine.Compute(input);
    }

    private static (string Host, string Path) SampleFor(RouteSpec route)
    {
        var host = route.Hostname.StartsWith("*.", StringComparison.Ordinal) ? "zz-sample" + route.Hostname[1..] : route.Hostname;
        if (route.Path is null)
        {
            return (host, "/zz-sample");
        }

        var (prefix, glob) = ShadowCheck.Prefix(route.Path);
        return (host, glob ? prefix + "zz" : prefix);
    }
}
