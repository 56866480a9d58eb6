using System.Text;
using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;
using DockFlare.Core.Tests.Support;

namespace DockFlare.Core.Tests.Properties;

/// <summary>Random label keys and values (unicode, control characters, huge values) never break the engine.</summary>
public sealed class FuzzTests
{
    private static readonly string[] Suffixes =
    [
        "enable", "hostname", "service", "path", "zonename", "no_tls_verify", "originsrvname", "httpHostHeader", "http2_origin",
        "access.group", "access.groups", "access.policy", "access.custom_rules", "access.session_duration", "access.allowed_idps",
        "access.auto_redirect_to_identity", "0.hostname", "1.service", "2.path", "9999.hostname", "x", "", ".", "0.", "00.hostname",
    ];

    private static readonly string[] Alphabet =
    [
        "a", "z", "0", "9", ".", "-", "_", "/", ":", "*", "^", "$", "(", ")", "[", "]", "{", "}", "?", "+", "|", "\\", "=", ",",
        " ", "\t", "\n", "\0", "é", "ü", "日本", "🙂", "%", "@", "[", "\"", "'", "http://", "https://", "tcp://", "unix:", "xn--",
        "example.com", "example.co.uk", "true", "yes", "[{\"decision\":\"allow\",\"include\":[{\"everyone\":{}}]}]",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Compute_RandomLabels_NeverThrowsAndReportsSanely(int seed)
    {
        var random = new Random(seed);
        var containers = Enumerable.Range(0, 8).Select(i =>
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["dockflare.enable"] = "true" };
            for (var j = random.Next(1, 12); j > 0; j--)
            {
                var prefix = random.Next(3) switch { 0 => "dockflare.", 1 => "cloudflare.tunnel.", _ => "fuzz." };
                labels[prefix + (random.Next(4) == 0 ? Text(random, 3) : Suffixes[random.Next(Suffixes.Length)])] = Text(random, random.Next(0, 12));
            }

            if (random.Next(10) == 0)
            {
                labels["dockflare.hostname"] = new string('a', random.Next(60, 400)) + ".example.com";
            }

            return new ContainerInput($"id{i}", Text(random, 2) + i, "h" + random.Next(2), labels, (ContainerState)random.Next(2));
        }).ToList();
        var manual = new ManualRule("m", Text(random, 2), Text(random, 4), Text(random, 4)) { Path = Text(random, 3), ZoneName = Text(random, 2) };
        var settings = Build.Settings(zones: [.. Build.ExampleZones, Text(random, 2)], defaultZone: Text(random, 2), prefix: random.Next(2) == 0 ? "fuzz" : null);

        var state = DesiredStateEngine.Compute(new EngineInput(containers, [manual], settings));

        Assert.All(state.Diagnostics, d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        Assert.All(state.Ingress, d => Assert.True(d.Rules[^1].IsCatchAll, $"seed {seed}"));
        Assert.All(state.Routes, r => Assert.True(r.Hostname.Length <= 253 && !r.Hostname.Any(char.IsWhiteSpace), $"seed {seed}: '{r.Hostname}'"));
        Assert.DoesNotContain(state.Routes, r => r.Service.Any(char.IsControl));
        Assert.Contains(state.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    private static string Text(Random random, int parts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
