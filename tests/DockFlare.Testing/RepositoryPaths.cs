namespace DockFlare.Testing;

/// <summary>Finds the repository (the folder holding DockFlare.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The reference material beside the repository (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DockFlare.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No DockFlare.sln above {AppContext.BaseDirectory}.");
    }
}
