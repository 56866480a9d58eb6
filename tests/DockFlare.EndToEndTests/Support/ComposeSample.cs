using DockFlare.Testing;
using YamlDotNet.RepresentationModel;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// One label sample of <c>samples/compose</c>: its services with their labels (map or list form), and what its header
/// says the linter expects (<c># expect-ingress: host [path] -> service</c>, <c># expect-codes: …</c>).
/// </summary>
internal sealed record ComposeSample(string File, IReadOnlyList<ComposeService> Services, IReadOnlyList<string> ExpectedIngress, IReadOnlyList<string> ExpectedCodes)
{
    public static ComposeSample Read(string file)
    {
        var text = System.IO.File.ReadAllText(RepositoryPaths.Combine("samples", "compose", file + ".yml"));
        var header = text.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return new ComposeSample(
            file,
            [.. services.Children.Select(s => new ComposeService(((YamlScalarNode)s.Key).Value!, Labels((YamlMappingNode)s.Value)))],
            Header(header, "# expect-ingress:"),
            [.. Header(header, "# expect-codes:").SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))]);
    }

    private static List<string> Header(List<string> header, string prefix) =>
        [.. header.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..].Trim()).Where(l => l.Length > 0)];

    private static Dictionary<string, string> Labels(YamlMappingNode service)
    {
        if (!service.Children.TryGetValue(new YamlScalarNode("labels"), out var labels))
        {
            return [];
        }

        return labels switch
        {
            YamlMappingNode map => map.Children.ToDictionary(l => ((YamlScalarNode)l.Key).Value!, l => ((YamlScalarNode)l.Value).Value ?? ""),
            YamlSequenceNode list => list.Children.Select(l => ((YamlScalarNode)l).Value!.Split('=', 2)).ToDictionary(p => p[0], p => p[1]),
            _ => throw new InvalidDataException($"labels of a service must be a map or a list, not {labels.NodeType}"),
        };
    }
}
