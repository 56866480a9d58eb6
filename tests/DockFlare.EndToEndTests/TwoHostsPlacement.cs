using DockFlare.EndToEndTests.Support;

namespace DockFlare.EndToEndTests;

/// <summary>
/// Which label samples run on which host, and what that makes the emulator hold. The expectations come from the samples'
/// own headers (<c># expect-ingress:</c>), minus what this split leaves out on purpose.
/// </summary>
internal sealed class TwoHostsPlacement
{
    /// <summary>
    /// Refused by Cloudflare, so not published: the sample's <c>access.allowed_idps</c> names an identity provider the
    /// emulated account does not have, and Access fails closed (the route is reported blocked).
    /// </summary>
    public const string BlockedHostname = "legacy-auth.example.com";

    /// <summary>The service moved from host A to host B, and its hostname.</summary>
    public const string MovedContainer = "single-hostname-web";

    public const string MovedHostname = "app.example.com";

    private TwoHostsPlacement(IReadOnlyList<ComposeSample> samples, IReadOnlySet<string> skipped)
    {
        Samples = samples;
        Skipped = skipped;
    }

    public IReadOnlyList<ComposeSample> Samples { get; }

    /// <summary>Services (<c>sample/service</c>) left out because another sample of the split claims the same hostname.</summary>
    public IReadOnlySet<string> Skipped { get; }

    /// <summary>
    /// Host A: a single hostname, indexed labels, path routing on a shared hostname, Access groups and legacy policies.
    /// Host B: wildcards, non-HTTP services, origin TLS options, mistyped labels.
    /// </summary>
    public static (TwoHostsPlacement A, TwoHostsPlacement B) Default { get; } = (
        new([.. new[] { "single-hostname", "indexed-labels", "path-routing", "access-groups" }.Select(ComposeSample.Read)],
            new HashSet<string>(StringComparer.Ordinal) { "access-groups/docs" }), // docs.example.com is mistyped-labels' correct route on B
        new([.. new[] { "wildcard", "non-http-services", "origin-tls", "mistyped-labels" }.Select(ComposeSample.Read)],
            new HashSet<string>(StringComparer.Ordinal) { "wildcard/app" })); // app.example.com is single-hostname's on A

    /// <summary>The containers to create: name (<c>sample-service</c>) and labels.</summary>
    public IEnumerable<(string Name, IReadOnlyDictionary<string, string> Labels)> Containers =>
        from sample in Samples
        from service in sample.Services
        where !Skipped.Contains($"{sample.File}/{service.Name}")
        select ($"{sample.File}-{service.Name}", service.Labels);

    /// <summary>The ingress rules (<c>host [path] -> service</c>) this host's tunnel must hold, without the catch-all.</summary>
    public IReadOnlySet<string> ExpectedIngress
    {
        get
        {
            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sample in Samples)
            {
                var kept = sample.Services.Where(s => !Skipped.Contains($"{sample.File}/{s.Name}")).SelectMany(s => s.Hostnames).ToHashSet(StringComparer.Ordinal);
                expected.UnionWith(sample.ExpectedIngress.Where(line => kept.Contains(HostnameOf(line)) && HostnameOf(line) != BlockedHostname));
            }

            return expected;
        }
    }

    /// <summary>The hostnames that get a DNS record pointing at this host's tunnel.</summary>
    public IReadOnlySet<string> ExpectedHostnames => ExpectedIngress.Select(HostnameOf).ToHashSet(StringComparer.Ordinal);

    /// <summary>The diagnostic codes the samples' headers announce, as far as the master sees them.</summary>
    public IEnumerable<string> ExpectedCodes =>
        // A container with a mistyped enable label never leaves its host (the agent reports only enabled containers), so
        // container-not-enabled is the linter's alone.
        Samples.SelectMany(s => s.ExpectedCodes).Where(c => c != "container-not-enabled").Distinct(StringComparer.Ordinal);

    public static string HostnameOf(string ingressLine) => ingressLine.Split(' ', 2)[0];
}
