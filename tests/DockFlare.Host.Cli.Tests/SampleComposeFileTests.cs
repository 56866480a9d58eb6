using System.Text.Json;

namespace DockFlare.Host.Cli.Tests;

/// <summary>
/// Table-driven over samples/compose: each file states in its header comments how to lint it
/// (<c># lint:</c>), the exit code, the warning and error codes, and the ingress rules in order.
/// </summary>
public sealed class SampleComposeFileTests
{
    public static TheoryData<string> Samples() => new(SampleNames());

    private static List<string> SampleNames() =>
        [.. Directory.GetFiles(RepoPaths.ComposeSamples, "*.yml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Fact]
    public void Samples_Folder_HasTheExpectedCoverage()
    {
        var names = SampleNames();

        Assert.True(names.Count >= 12, string.Join(", ", names));
        Assert.All(names, name => Assert.Contains("# expect-exit:", File.ReadAllText(Path.Combine(RepoPaths.ComposeSamples, name)), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Lint_SampleFile_MatchesItsStatedExpectations(string name)
    {
        var path = Path.Combine(RepoPaths.ComposeSamples, name);
        var header = File.ReadLines(path).TakeWhile(l => l.StartsWith('#')).ToList();
        var lintArgs = Value(header, "lint")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var expectedExit = int.Parse(Value(header, "expect-exit")!, System.Globalization.CultureInfo.InvariantCulture);
        var expectedCodes = (Value(header, "expect-codes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Order(StringComparer.Ordinal).ToList();
        var expectedIngress = header.Where(l => l.StartsWith("# expect-ingress:", StringComparison.Ordinal))
            .Select(l => l["# expect-ingress:".Length..].Trim()).ToList();

        var run = await LintRun.RunAsync([path, .. lintArgs, "--format", "json"]);

        Assert.True(expectedExit == run.ExitCode, $"{name}: exit {run.ExitCode}\n{run.Output}{run.Error}");
        using var json = run.Json();
        var codes = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() != "info")
            .Select(d => d.GetProperty("code").GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedCodes, codes);
        var document = Assert.Single(json.RootElement.GetProperty("ingress").EnumerateArray());
        var rules = document.GetProperty("config").GetProperty("ingress").EnumerateArray().ToList();
        Assert.Equal([.. expectedIngress, "* -> http_status:404"], rules.Select(Describe));
    }

    private static string Describe(JsonElement rule)
    {
        var host = rule.TryGetProperty("hostname", out var h) ? h.GetString() : "*";
        var path = rule.TryGetProperty("path", out var p) ? " " + p.GetString() : "";
        return $"{host}{path} -> {rule.GetProperty("service").GetString()}";
    }

    private static string? Value(List<string> header, string key) =>
        header.FirstOrDefault(l => l.StartsWith($"# {key}:", StringComparison.Ordinal))?[$"# {key}:".Length..].Trim();
}
