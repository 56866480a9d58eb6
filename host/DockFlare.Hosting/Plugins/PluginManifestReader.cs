using System.Text.Json;
using System.Text.RegularExpressions;
using DockFlare.Plugins.Abstractions;

namespace DockFlare.Hosting.Plugins;

/// <summary>
/// Reads and checks <c>plugin.json</c>: required fields, a usable contract version, and an entry
/// assembly that is a relative path staying inside the plugin folder (links included).
/// </summary>
internal static partial class PluginManifestReader
{
    private const long MaxManifestBytes = 64 * 1024;
    private static readonly TimeSpan ManifestReadTimeout = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads the manifest of <paramref name="pluginDirectory"/> and resolves its entry assembly.</summary>
    /// <exception cref="PluginManifestException">The manifest is missing or unusable.</exception>
    public static (PluginManifest Manifest, string EntryAssemblyPath) Read(string pluginDirectory, Version hostContract)
    {
        var directory = Path.GetFullPath(pluginDirectory);
        var manifestPath = Path.Combine(directory, PluginContract.ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new PluginManifestException($"no {PluginContract.ManifestFileName} in the plugin folder");
        }

        PluginManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<PluginManifest>(ReadManifestText(manifestPath), Json);
        }
        catch (JsonException ex)
        {
            throw new PluginManifestException(
                $"{PluginContract.ManifestFileName} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (manifest is null)
        {
            throw new PluginManifestException($"{PluginContract.ManifestFileName} is empty");
        }

        if (manifest.Id is null || !IdPattern().IsMatch(manifest.Id))
        {
            throw new PluginManifestException(
                $"id '{manifest.Id ?? "(missing)"}' is not valid: use 1-64 lower-case letters, digits, '.' or '-'");
        }

        try
        {
            Check(manifest, hostContract);
            return (manifest, ResolveEntryAssembly(directory, manifest.EntryAssembly));
        }
        catch (PluginManifestException ex)
        {
            // From here on the plugin is reported under its own id, not its folder name.
            throw new PluginManifestException(ex.Message, manifest.Id);
        }
    }

    // A manifest is small; a huge file or one that never ends (a FIFO, a device) must not stall the start.
    private static string ReadManifestText(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxManifestBytes)
        {
            throw new PluginManifestException($"{PluginContract.ManifestFileName} is {length} bytes; a manifest is at most {MaxManifestBytes / 1024} KiB");
        }

        var read = Task.Run(() => File.ReadAllText(path));
        try
        {
            if (!read.Wait(ManifestReadTimeout))
            {
                throw new PluginManifestException(
                    $"{PluginContract.ManifestFileName} could not be read within {ManifestReadTimeout.TotalSeconds:F0} s; it must be a regular file");
            }
        }
        catch (AggregateException ex) when (ex.InnerException is IOException or UnauthorizedAccessException)
        {
            throw new PluginManifestException($"{PluginContract.ManifestFileName} could not be read: {ex.InnerException.Message}", ex);
        }

        return read.Result;
    }

    private static void Check(PluginManifest manifest, Version hostContract)
    {
        if (manifest.Version is null || manifest.MinContractVersion is null || manifest.EntryAssembly is null)
        {
            throw new PluginManifestException("version, minContractVersion and entryAssembly are all required");
        }

        if (!SemVerPattern().IsMatch(manifest.Version))
        {
            throw new PluginManifestException($"version '{manifest.Version}' is not a semantic version such as 1.2.0");
        }

        var contractText = manifest.MinContractVersion.Contains('.', StringComparison.Ordinal)
            ? manifest.MinContractVersion
            : manifest.MinContractVersion + ".0";
        if (!Version.TryParse(contractText, out var needed))
        {
            throw new PluginManifestException(
                $"minContractVersion '{manifest.MinContractVersion}' is not a version such as {hostContract.ToString(2)}");
        }

        if (needed.Major != hostContract.Major || needed > hostContract)
        {
            throw new PluginManifestException(
                $"needs plugin contract {needed.ToString(2)}, but this host provides {hostContract.ToString(2)}");
        }
    }

    private static string ResolveEntryAssembly(string directory, string entryAssembly)
    {
        if (string.IsNullOrWhiteSpace(entryAssembly))
        {
            throw new PluginManifestException("entryAssembly is missing");
        }

        if (Path.IsPathRooted(entryAssembly) || !entryAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            throw new PluginManifestException(
                $"entryAssembly '{entryAssembly}' must be a .dll path relative to the plugin folder");
        }

        var path = Path.GetFullPath(Path.Combine(directory, entryAssembly));
        if (!IsInside(directory, path))
        {
            throw new PluginManifestException($"entryAssembly '{entryAssembly}' points outside the plugin folder");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new PluginManifestException($"entryAssembly '{entryAssembly}' does not exist");
        }

        // A link inside the folder must not lead outside it either.
        if (file.LinkTarget is not null)
        {
            var target = file.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !IsInside(directory, Path.GetFullPath(target.FullName)))
            {
                throw new PluginManifestException($"entryAssembly '{entryAssembly}' is a link that leads outside the plugin folder");
            }
        }

        return path;
    }

    private static bool IsInside(string directory, string path) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();
}
