namespace DockFlare.IntegrationTests;

/// <summary>
/// Builds plugins folders for a test from the real plugin builds that this project's build copied to
/// <c>plugins/&lt;id&gt;/</c> beside the tests, and lets a test break them in specific ways.
/// </summary>
internal sealed class PluginFolders : IDisposable
{
    private readonly TempFolder _root = new();

    public PluginFolders(params string[] ids)
    {
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var id in ids)
        {
            CopyBuilt(id, id);
        }
    }

    public string Directory => _root.Combine("plugins");

    public string Outside => _root.Path;

    /// <summary>Every plugin this project's build copied, including the broken test plugin.</summary>
    public static string AllBuilt => Path.Combine(AppContext.BaseDirectory, "plugins");

    public static string Built(string id) => Path.Combine(AppContext.BaseDirectory, "plugins", id);

    /// <summary>Copies a built plugin into <paramref name="folderName"/>.</summary>
    public string CopyBuilt(string id, string folderName)
    {
        var source = Built(id);
        var target = Path.Combine(Directory, folderName);
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }

        return target;
    }

    /// <summary>Writes a plugin.json into <paramref name="folderName"/> (creating the folder).</summary>
    public string WriteManifest(string folderName, string json)
    {
        var folder = Path.Combine(Directory, folderName);
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "plugin.json"), json);
        return folder;
    }

    public void Dispose() => _root.Dispose();
}
