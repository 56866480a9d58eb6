namespace DockFlare.Host.Cli.Tests;

/// <summary>Finds the repository's folders from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ComposeSamples => Path.Combine(Root, "samples", "compose");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DockFlare.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DockFlare.sln not found above " + AppContext.BaseDirectory);
    }
}
