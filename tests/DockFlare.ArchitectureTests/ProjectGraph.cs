using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace DockFlare.ArchitectureTests;

/// <summary>First-party projects and what each depends on, declared and compiled.</summary>
internal static class ProjectGraph
{
    private static readonly string[] Roots = ["host", "modules", "plugins", "agent", "samples"];

    public static IReadOnlyList<string> ProjectFiles { get; } = Roots
        .Select(r => Testing.RepositoryPaths.Combine(r))
        .Where(Directory.Exists)
        .SelectMany(r => Directory.EnumerateFiles(r, "*.csproj", SearchOption.AllDirectories))
        .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Project name → names of the projects it references in its project file.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Declared() => ProjectFiles.ToDictionary(
        p => Path.GetFileNameWithoutExtension(p),
        p => (IReadOnlySet<string>)XDocument.Load(p).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Project name → names of the DockFlare assemblies its built assembly references.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Compiled()
    {
        var result = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var project in ProjectFiles)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var dll = Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(project)!, "bin"), name + ".dll", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"{name} is not built; build the solution first.");
            using var stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            result[name] = metadata.AssemblyReferences
                .Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name))
                .Where(n => n.StartsWith("DockFlare.", StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
        }

        return result;
    }
}
