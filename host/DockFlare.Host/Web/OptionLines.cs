namespace DockFlare.Host.Web;

/// <summary>
/// A manual rule's options as the web form shows them: one <c>name=value</c> per line. Only the text shape is checked
/// here; which names and sizes are allowed is <see cref="Api.ManualRuleLimits"/>'s job, as for the REST API.
/// </summary>
internal static class OptionLines
{
    /// <summary>The options of <paramref name="text"/>; null when it is blank, or the problem naming the line.</summary>
    public static (IReadOnlyDictionary<string, string>? Options, string? Problem) Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (null, $"{field}, line {i + 1}: '{line}' is not name=value.");
            }

            var name = line[..equals].Trim();
            if (!options.TryAdd(name, line[(equals + 1)..].Trim()))
            {
                return (null, $"{field}, line {i + 1}: '{name}' is given twice.");
            }
        }

        return (options, null);
    }

    /// <summary>The form's text of stored options, one <c>name=value</c> per line in name order.</summary>
    public static string Format(IReadOnlyDictionary<string, string>? options) =>
        options is null ? "" : string.Join("\n", options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));
}
