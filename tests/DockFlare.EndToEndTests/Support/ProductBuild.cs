using DockFlare.Testing;

namespace DockFlare.EndToEndTests.Support;

/// <summary>
/// Where the built product is: each DLL runs from its own project's output folder (same configuration as this test), as
/// <c>dotnet build</c> left it, with the plugins folder beside it. The project references of this test only make sure
/// they are built first.
/// </summary>
internal static class ProductBuild
{
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string Framework => new DirectoryInfo(AppContext.BaseDirectory).Name;

    public static string Master => Output("host", "DockFlare.Host");

    public static string Agent => Output("agent", "DockFlare.Agent");

    public static string Emulator => Output("samples", "DockFlare.CloudflareEmulator");

    /// <summary>The master's plugins: the Cloudflare provider only, copied here by the build (no local Docker source).</summary>
    public static string MasterPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    private static string Output(string folder, string project)
    {
        var dll = RepositoryPaths.Combine(folder, project, "bin", Configuration, Framework, project + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is missing: build the solution (or this test project) first.", dll);
    }
}
