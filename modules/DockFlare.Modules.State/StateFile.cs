using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>
/// One record type's file: <c>{"schemaVersion":1,"recordType":"...","checksum":"crc64","data":{...}}</c>.
/// Written to a temporary file in the same folder, flushed to disk, then moved over the old file, so a
/// crash leaves either the old or the new file, never half of one.
/// </summary>
/// <remarks>
/// The folder itself is not fsynced (.NET has no portable way), so after a power cut the rename may be
/// lost and the previous good version read instead; never a torn file.
/// </remarks>
internal sealed class StateFile(string directory, string recordType)
{
    public const string TempMarker = ".tmp-";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Path { get; } = System.IO.Path.Combine(directory, recordType + ".json");

    /// <summary>Reads the data at the current schema version (migrating older data), or null when there is no file.</summary>
    /// <exception cref="StateCorruptedException">The file is truncated, not JSON, or fails its checksum.</exception>
    /// <exception cref="StateSchemaException">The file was written by a newer schema.</exception>
    public async Task<JsonNode?> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(Utf8.GetString(bytes));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw Corrupted("it is not complete, valid JSON (truncated or damaged)", e);
        }

        if (root is null)
        {
            throw Corrupted("it holds only null", null);
        }

        if (root is not JsonObject envelope || !envelope.ContainsKey("schemaVersion"))
        {
            // Schema 0 files were the bare data without an envelope.
            return StateMigrations.Migrate(recordType, 0, root, Path);
        }

        var version = ReadVersion(envelope);
        if (version > StateSchema.CurrentVersion)
        {
            throw new StateSchemaException(
                $"State file '{Path}' has schema version {version}, newer than this build's {StateSchema.CurrentVersion}. "
                + "Upgrade DockFlare, or restore a backup written by this version.");
        }

        var data = envelope["data"] ?? throw Corrupted("it has no data", null);
        var checksum = envelope["checksum"]?.GetValue<string>();
        if (checksum != Checksum(data.ToJsonString()))
        {
            throw Corrupted("its checksum does not match its content", null);
        }

        return StateMigrations.Migrate(recordType, version, data, Path);
    }

    /// <summary>Replaces the file atomically with <paramref name="data"/> at the current schema version.</summary>
    public async Task WriteAsync(JsonNode data, CancellationToken cancellationToken)
    {
        // The checksum is taken over the text the reader will see: the payload re-parsed and re-written.
        var parsed = JsonNode.Parse(data.ToJsonString())!;
        var payload = parsed.ToJsonString();
        var envelope = new JsonObject
        {
            ["schemaVersion"] = StateSchema.CurrentVersion,
            ["recordType"] = recordType,
            ["checksum"] = Checksum(payload),
            ["data"] = parsed,
        };
        var bytes = Utf8.GetBytes(envelope.ToJsonString());

        var temp = Path + TempMarker + Guid.NewGuid().ToString("N");
        var streamOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            var stream = new FileStream(temp, streamOptions);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The checksum over the compact JSON text of the data (CRC-64, hexadecimal).</summary>
    public static string Checksum(string payload) =>
        Crc64.HashToUInt64(Utf8.GetBytes(payload)).ToString("x16", CultureInfo.InvariantCulture);

    private int ReadVersion(JsonObject envelope)
    {
        try
        {
            return envelope["schemaVersion"]!.GetValue<int>();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException)
        {
            throw Corrupted("its schemaVersion is not a number", e);
        }
    }

    private StateCorruptedException Corrupted(string reason, Exception? inner) =>
        new($"State file '{Path}' cannot be read: {reason}. It was left untouched; restore it from a backup or move it away to start empty.",
            inner!);
}
