namespace DockFlare.ArchitectureTests;

/// <summary>
/// The rules between projects (docs/architecture.md), as a pure check over a dependency graph so that the
/// rules themselves can be tested on graphs that break them.
/// </summary>
internal static class DependencyRules
{
    public const string Abstractions = "DockFlare.Plugins.Abstractions";
    public const string Core = "DockFlare.Core";
    public const string Host = "DockFlare.Host";
    public const string Hosting = "DockFlare.Hosting";

    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var violations = new List<string>();
        foreach (var (project, references) in graph)
        {
            foreach (var reference in references.Where(r => r.StartsWith("DockFlare.", StringComparison.Ordinal)))
            {
                if (Why(project, reference) is { } rule)
                {
                    violations.Add($"{project} → {reference}: {rule}");
                }
            }
        }

        return violations;
    }

    private static string? Why(string project, string reference)
    {
        if (project == Abstractions)
        {
            return "the plugin abstractions depend on nothing of DockFlare";
        }

        if (IsPlugin(project) && reference != Abstractions)
        {
            return "a plugin references only the plugin abstractions";
        }

        if (project == Hosting && reference != Abstractions)
        {
            return "the shared hosting library references only the plugin abstractions";
        }

        if (project == Core && reference != Abstractions)
        {
            return "the core depends on no module, host or plugin";
        }

        if (IsModule(project) && IsModule(reference) && reference != project)
        {
            return "modules talk through contracts in DockFlare.Core, never through another module";
        }

        if ((IsModule(project) || IsAgent(project)) && reference == Host)
        {
            return "nothing references the host";
        }

        if ((project == Host || IsModule(project) || IsAgent(project)) && IsPlugin(reference))
        {
            return "plugins are loaded from the plugins folder, never referenced";
        }

        return null;
    }

    private static bool IsModule(string name) => name.StartsWith("DockFlare.Modules.", StringComparison.Ordinal);

    private static bool IsAgent(string name) => name.StartsWith("DockFlare.Agent", StringComparison.Ordinal);

    // Every project built as a plugin: first-party providers and the samples, which stand in for third parties.
    private static bool IsPlugin(string name) =>
        (name.StartsWith("DockFlare.Plugins.", StringComparison.Ordinal) && name != Abstractions)
        || name.StartsWith("DockFlare.Samples.", StringComparison.Ordinal)
        || name.StartsWith("DockFlare.TestPlugins.", StringComparison.Ordinal);
}
