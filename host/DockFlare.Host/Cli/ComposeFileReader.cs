using System.Text;
using System.Text.RegularExpressions;
using DockFlare.Core.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DockFlare.Host.Cli;

/// <summary>
/// Reads the services of a docker-compose file as containers: the name is <c>container_name</c>
/// or the service name, labels come from <c>labels</c> in list form (<c>- key=value</c>) or map
/// form (<c>key: value</c>). YAML merge keys (<c>&lt;&lt;: *anchor</c>) are honoured, and
/// <c>${VAR:-default}</c> is replaced by its default; other variables are left as written, since
/// the linter reads no environment.
/// </summary>
internal static partial class ComposeFileReader
{
    public const string Host = "local";

    public static IReadOnlyList<ContainerInput> Read(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new MergingParser(new Parser(new StringReader(text))));
        }
        catch (YamlException ex)
        {
            throw new LintInputException($"{file}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML: {Reason(ex)}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new LintInputException($"{file}:1: not a docker-compose file: the top level must be a mapping with 'services'.");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("services"), out var servicesNode))
        {
            throw new LintInputException($"{file}:{root.Start.Line}: not a docker-compose file: there is no 'services' section.");
        }

        if (servicesNode is not YamlMappingNode services)
        {
            throw new LintInputException($"{file}:{servicesNode.Start.Line}: 'services' must be a mapping of service names to services.");
        }

        var containers = new List<ContainerInput>();
        foreach (var (keyNode, serviceNode) in services.Children)
        {
            var serviceName = ((YamlScalarNode)keyNode).Value ?? "";
            if (serviceNode is not YamlMappingNode service)
            {
                if (serviceNode is YamlScalarNode { Value: null or "" })
                {
                    continue; // an empty service definition has no labels
                }

                throw new LintInputException($"{file}:{serviceNode.Start.Line}: service '{serviceName}' must be a mapping.");
            }

            var name = service.Children.TryGetValue(new YamlScalarNode("container_name"), out var containerName) && containerName is YamlScalarNode { Value: { Length: > 0 } n }
                ? n
                : serviceName;
            var labels = service.Children.TryGetValue(new YamlScalarNode("labels"), out var labelsNode)
                ? ReadLabels(labelsNode, serviceName, file)
                : new Dictionary<string, string>(StringComparer.Ordinal);
            containers.Add(new ContainerInput("compose:" + serviceName, name, Host, labels));
        }

        return containers;
    }

    private static Dictionary<string, string> ReadLabels(YamlNode node, string service, string file)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (node)
        {
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (item is not YamlScalarNode { Value: { } entry })
                    {
                        throw new LintInputException($"{file}:{item.Start.Line}: a label of service '{service}' in list form must be 'key=value'.");
                    }

                    var eq = entry.IndexOf('=', StringComparison.Ordinal);
                    var key = (eq < 0 ? entry : entry[..eq]).Trim();
                    labels[key] = eq < 0 ? "" : Interpolate(entry[(eq + 1)..]);
                }

                break;
            case YamlMappingNode map:
                foreach (var (keyNode, valueNode) in map.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key } || valueNode is not YamlScalarNode value)
                    {
                        throw new LintInputException($"{file}:{valueNode.Start.Line}: a label of service '{service}' in map form must be 'key: value' with a plain value.");
                    }

                    labels[key.Trim()] = Interpolate(value.Value ?? "");
                }

                break;
            case YamlScalarNode { Value: null or "" }:
                break;
            default:
                throw new LintInputException($"{file}:{node.Start.Line}: 'labels' of service '{service}' must be a list or a mapping.");
        }

        return labels;
    }

    private static string Interpolate(string value)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var result = Variable().Replace(value, m => m.Groups["default"].Success ? m.Groups["default"].Value : m.Value);
        return result.Replace("$$", "$", StringComparison.Ordinal);
    }

    private static string Reason(YamlException ex)
    {
        var builder = new StringBuilder(ex.Message);
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            builder.Append(": ").Append(inner.Message);
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
