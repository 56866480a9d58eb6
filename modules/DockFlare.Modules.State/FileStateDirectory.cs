using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>
/// The embedded store's folder: one file per record type and one process-wide async lock per folder, so
/// every read-modify-write is serialised even across store instances in one process.
/// </summary>
/// <remarks>Several processes on one folder are not supported; use Redis for more than one master.</remarks>
internal sealed class FileStateDirectory
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock;
    private bool _prepared;

    public FileStateDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
        _lock = Locks.GetOrAdd(Directory, _ => new SemaphoreSlim(1, 1));
    }

    public string Directory { get; }

    /// <summary>Runs <paramref name="action"/> holding the folder's lock.</summary>
    public async Task<T> LockedAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Prepare();
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reads one record type's data, or <paramref name="empty"/> when its file does not exist yet.</summary>
    public async Task<T> ReadAsync<T>(string recordType, T empty, CancellationToken cancellationToken)
    {
        var file = new StateFile(Directory, recordType);
        var node = await file.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return empty;
        }

        try
        {
            return node.Deserialize<T>(StateJson.Options)
                ?? throw new JsonException("The data is null.");
        }
        catch (JsonException e)
        {
            throw new StateCorruptedException(
                $"State file '{file.Path}' cannot be read: its data does not have the expected shape ({e.Message}). It was left untouched.", e);
        }
    }

    public Task WriteAsync<T>(string recordType, T value, CancellationToken cancellationToken) =>
        new StateFile(Directory, recordType).WriteAsync(
            JsonSerializer.SerializeToNode(value, StateJson.Options)!, cancellationToken);

    /// <summary>
    /// Creates the folder (owner-only on Unix) and removes temporary files left by writes that crashed
    /// before their rename: the real file next to them still holds the last good state.
    /// </summary>
    private void Prepare()
    {
        if (_prepared)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        foreach (var stray in System.IO.Directory.EnumerateFiles(Directory, "*.json" + StateFile.TempMarker + "*"))
        {
            File.Delete(stray);
        }

        _prepared = true;
    }
}
