using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockFlare.Agent.State;

/// <summary>
/// Reads and writes <c>DATA_DIR/agent-state.json</c>. A write goes to a temporary file in the same directory (created with
/// mode 0600, flushed to disk) that is then renamed over the old file, so a crash leaves either the old or the new state,
/// never half of one. A file that cannot be read or parsed is moved aside as <c>agent-state.json.corrupt-&lt;time&gt;</c>
/// (never silently lost) and the agent starts as new.
/// </summary>
/// <remarks>
/// The directory itself is not fsynced after the rename (.NET cannot open a directory for flushing); on the file systems a
/// container uses, the rename reaches the disk with the next journal commit. The token is stored in plain text, protected
/// by the file mode only: the agent must be able to restart cloudflared without the master, and any key to encrypt it would
/// sit on the same volume.
/// </remarks>
internal sealed class AgentStateFile(string directory, TimeProvider clock, ILogger<AgentStateFile> log)
{
    public const string FileName = "agent-state.json";

    /// <summary>The largest state file read (4 MiB): the agent's own are a few tens of kilobytes.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Path { get; } = System.IO.Path.Combine(directory, FileName);

    /// <summary>The saved state; a new (empty) state when there is none or it could not be read.</summary>
    public AgentState Load()
    {
        if (!File.Exists(Path))
        {
            return LegacyAgentFiles.TryImport(directory, log) ?? new AgentState();
        }

        try
        {
            // The agent never writes more than a few tens of kilobytes; a bigger file is not its state, and reading it
            // whole would cost memory in proportion.
            if (new FileInfo(Path).Length > MaxFileBytes)
            {
                throw new JsonException($"it is larger than {MaxFileBytes / (1024 * 1024)} MiB, far more than any state this agent writes");
            }

            var state = JsonSerializer.Deserialize<AgentState>(File.ReadAllBytes(Path), Json)
                        ?? throw new JsonException("the file holds null");
            if (state.Version != 1)
            {
                throw new JsonException($"format version {state.Version} is not known to this agent");
            }

            return state.RecentCommands.Count > AgentState.CommandRingSize
                ? state with { RecentCommands = state.RecentCommands.Skip(state.RecentCommands.Count - AgentState.CommandRingSize).ToList() }
                : state;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            MoveAside(ex);
            return new AgentState();
        }
    }

    /// <summary>Writes <paramref name="state"/> atomically with mode 0600.</summary>
    /// <exception cref="IOException">The directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory belongs to another user.</exception>
    public void Save(AgentState state)
    {
        Directory.CreateDirectory(directory);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, Json);
        var temporary = System.IO.Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private void MoveAside(Exception reason)
    {
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = $"{Path}.corrupt-{stamp}";
        try
        {
            File.Move(Path, aside, overwrite: false);
            log.LogError(
                "The agent state {StatePath} cannot be read ({Reason}): it was moved to {AsidePath} and the agent starts as new (it registers again and waits for the master's commands)",
                Path, reason.Message, aside);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogError(
                "The agent state {StatePath} cannot be read ({Reason}) nor moved aside ({MoveError}): the agent starts as new, and the next save will fail or replace it",
                Path, reason.Message, ex.Message);
        }
    }
}
