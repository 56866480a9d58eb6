namespace DockFlare.Host.Cli;

/// <summary>Reads the linter's input file and picks the reader by extension (or by content when the extension says nothing).</summary>
internal static class LintInputReader
{
    public static async Task<LintInput> ReadAsync(string file, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(Resolve(file), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LintInputException($"{file}: cannot read the file: {ex.Message}", ex);
        }

        return Parse(text, file);
    }

    // 'dotnet run --project host/DockFlare.Host' starts the host in its project folder (the Web
    // SDK's RunWorkingDirectory), so a path relative to where the user typed the command is
    // also looked up against the shell's PWD when it is not found in the current folder.
    internal static string Resolve(string file)
    {
        if (Path.IsPathRooted(file) || File.Exists(file))
        {
            return file;
        }

        var shellDirectory = Environment.GetEnvironmentVariable("PWD");
        if (string.IsNullOrEmpty(shellDirectory) || !Directory.Exists(shellDirectory))
        {
            return file;
        }

        var candidate = Path.Combine(shellDirectory, file);
        return File.Exists(candidate) ? candidate : file;
    }

    public static LintInput Parse(string text, string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        var json = extension == ".json" || (extension is not (".yml" or ".yaml") && text.TrimStart().StartsWith('['));
        return json
            ? new LintInput(file, "json", ContainerListReader.Read(text, file))
            : new LintInput(file, "compose", ComposeFileReader.Read(text, file));
    }
}
