namespace DockFlare.EndToEndTests.Support;

/// <summary>A service of a compose sample: its name and labels.</summary>
internal sealed record ComposeService(string Name, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The hostnames its label sets claim (base and indexed <c>hostname</c> labels), lower case.</summary>
    public IEnumerable<string> Hostnames => Labels.Where(l => l.Key.EndsWith(".hostname", StringComparison.Ordinal)).Select(l => l.Value.ToLowerInvariant());
}
