using DockFlare.Core.Diagnostics;
using DockFlare.Core.Engine;

namespace DockFlare.Core.Tests.Support;

/// <summary>Short ways to write engine inputs in tests.</summary>
internal static class Build
{
    public static readonly IReadOnlyList<string> ExampleZones = ["example.com", "example.net", "dev.example.com", "example.co.uk"];

    public static ContainerInput Container(string name, params string[] labels) => ContainerOn("local", name, labels);

    public static ContainerInput ContainerOn(string host, string name, params string[] labels) =>
        new("id-" + host + "-" + name, name, host, Labels(labels));

    public static Dictionary<string, string> Labels(params string[] pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            map[pair[..eq]] = pair[(eq + 1)..];
        }

        return map;
    }

    public static EngineSettings Settings(IReadOnlyList<string>? zones = null, string? defaultZone = null, string? prefix = null) =>
        new() { Zones = zones ?? ExampleZones, DefaultZone = defaultZone, LabelPrefix = prefix };

    public static DesiredState Run(params ContainerInput[] containers) =>
        DesiredStateEngine.Compute(new EngineInput(containers, [], Settings()));

    public static DesiredState Run(EngineSettings settings, params ContainerInput[] containers) =>
        DesiredStateEngine.Compute(new EngineInput(containers, [], settings));

    public static IEnumerable<Diagnostic> WithCode(this DesiredState state, string code) =>
        state.Diagnostics.Where(d => d.Code == code);

    public static Diagnostic Single(this DesiredState state, string code) =>
        Assert.Single(state.Diagnostics, d => d.Code == code);
}
