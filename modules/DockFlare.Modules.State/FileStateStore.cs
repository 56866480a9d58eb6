using DockFlare.Core.State;

namespace DockFlare.Modules.State;

/// <summary>
/// The embedded state store: one checksummed JSON file per record type in a folder, each replaced
/// atomically on every change under a process-wide lock.
/// </summary>
/// <remarks>Files are small and read on every call, so the files are always the truth (no cache to go stale).</remarks>
internal sealed class FileStateStore : IStateStore
{
    private readonly FileStateDirectory _files;
    private readonly int _changeLogMaxLength;

    public FileStateStore(string directory, int changeLogMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(changeLogMaxLength, 1);
        _files = new FileStateDirectory(directory);
        _changeLogMaxLength = changeLogMaxLength;
    }

    public string Directory => _files.Directory;

    public Task<VersionedRouteSet> GetRoutesAsync(RouteSourceKey source, CancellationToken cancellationToken = default)
    {
        StateArguments.Source(source);
        return _files.LockedAsync(async () =>
        {
            var routes = await ReadRoutesAsync(cancellationToken).ConfigureAwait(false);
            return routes.TryGetValue(source.ToString(), out var stored)
                ? new VersionedRouteSet(source, stored.Routes, stored.Version)
                : new VersionedRouteSet(source, RouteSet.Empty, 0);
        }, cancellationToken);
    }

    public Task<long> ReplaceRoutesAsync(
        RouteSourceKey source, RouteSet routes, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StateArguments.Source(source);
        StateArguments.Routes(routes, expectedVersion);
        return _files.LockedAsync(async () =>
        {
            var all = await ReadRoutesAsync(cancellationToken).ConfigureAwait(false);
            var key = source.ToString();
            var current = all.TryGetValue(key, out var stored) ? stored.Version : 0;
            if (current != expectedVersion)
            {
                throw StateArguments.Conflict(source, expectedVersion, current);
            }

            // The version is kept even when the set becomes empty, so an old reader can never win later.
            all[key] = new StoredRouteSource(current + 1, routes);
            await _files.WriteAsync(FileRecordTypes.Routes, all, cancellationToken).ConfigureAwait(false);
            return current + 1;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<RouteSourceKey>> ListRouteSourcesAsync(CancellationToken cancellationToken = default) =>
        _files.LockedAsync(async () =>
        {
            var all = await ReadRoutesAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<RouteSourceKey> sources = all
                .Where(pair => !pair.Value.Routes.IsEmpty)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => RouteSourceKey.TryParse(pair.Key, out var key)
                    ? key
                    : throw new StateCorruptedException($"State file routes.json in '{Directory}' has the unknown source '{pair.Key}'."))
                .ToList();
            return sources;
        }, cancellationToken);

    public Task SetGraceDeadlineAsync(GraceDeadline deadline, CancellationToken cancellationToken = default)
    {
        StateArguments.Deadline(deadline);
        return UpdateAsync<Dictionary<string, GraceDeadline>, bool>(FileRecordTypes.Grace, [], all =>
        {
            all[deadline.OwnerKey] = deadline;
            return (true, true);
        }, cancellationToken);
    }

    public Task<bool> ClearGraceDeadlineAsync(string ownerKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerKey);
        return UpdateAsync<Dictionary<string, GraceDeadline>, bool>(FileRecordTypes.Grace, [], all =>
        {
            var removed = all.Remove(ownerKey);
            return (removed, removed);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<GraceDeadline>> ListGraceDeadlinesAsync(CancellationToken cancellationToken = default) =>
        ListGraceAsync(_ => true, cancellationToken);

    public Task<IReadOnlyList<GraceDeadline>> GetGraceDeadlinesAsync(
        IReadOnlyCollection<string> ownerKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerKeys);
        var wanted = ownerKeys.ToHashSet(StringComparer.Ordinal);
        return ListGraceAsync(deadline => wanted.Contains(deadline.OwnerKey), cancellationToken);
    }

    public Task<IReadOnlyList<GraceDeadline>> ListExpiredGraceDeadlinesAsync(
        DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ListGraceAsync(deadline => deadline.DeleteAt <= now, cancellationToken);

    public Task PutOwnershipAsync(OwnershipRecord record, CancellationToken cancellationToken = default)
    {
        StateArguments.Ownership(record);
        return UpdateAsync<Dictionary<string, OwnershipRecord>, bool>(FileRecordTypes.Ownership, [], all =>
        {
            all[OwnershipKey(record.Kind, record.CloudflareId)] = record;
            return (true, true);
        }, cancellationToken);
    }

    public Task<bool> RemoveOwnershipAsync(OwnedObjectKind kind, string cloudflareId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cloudflareId);
        return UpdateAsync<Dictionary<string, OwnershipRecord>, bool>(FileRecordTypes.Ownership, [], all =>
        {
            var removed = all.Remove(OwnershipKey(kind, cloudflareId));
            return (removed, removed);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<OwnershipRecord>> ListOwnershipAsync(OwnedObjectKind kind, CancellationToken cancellationToken = default) =>
        _files.LockedAsync(async () =>
        {
            var all = await _files.ReadAsync<Dictionary<string, OwnershipRecord>>(FileRecordTypes.Ownership, [], cancellationToken)
                .ConfigureAwait(false);
            IReadOnlyList<OwnershipRecord> records = all.Values
                .Where(r => r.Kind == kind)
                .OrderBy(r => r.CloudflareId, StringComparer.Ordinal)
                .ToList();
            return records;
        }, cancellationToken);

    public Task<SettingEntry?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _files.LockedAsync(async () =>
        {
            var all = await ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
            return all.GetValueOrDefault(key);
        }, cancellationToken);
    }

    public Task SetSettingAsync(SettingEntry setting, CancellationToken cancellationToken = default)
    {
        StateArguments.Setting(setting);
        return UpdateAsync<Dictionary<string, SettingEntry>, bool>(FileRecordTypes.Settings, [], all =>
        {
            all[setting.Key] = setting;
            return (true, true);
        }, cancellationToken);
    }

    public Task<bool> CompareAndSetSettingAsync(SettingEntry setting, SettingEntry? expected, CancellationToken cancellationToken = default)
    {
        StateArguments.ExpectedSetting(setting, expected);
        return UpdateAsync<Dictionary<string, SettingEntry>, bool>(FileRecordTypes.Settings, [], all =>
        {
            if (all.GetValueOrDefault(setting.Key) != expected)
            {
                return (false, false);
            }

            all[setting.Key] = setting;
            return (true, true);
        }, cancellationToken);
    }

    public Task<bool> RemoveSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return UpdateAsync<Dictionary<string, SettingEntry>, bool>(
            FileRecordTypes.Settings, [], all => all.Remove(key) ? (true, true) : (false, false), cancellationToken);
    }

    public Task<IReadOnlyList<SettingEntry>> ListSettingsAsync(CancellationToken cancellationToken = default) =>
        _files.LockedAsync(async () =>
        {
            var all = await ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SettingEntry> settings = all.Values.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            return settings;
        }, cancellationToken);

    public Task<ChangeLogEntry> AppendChangeAsync(ChangeLogDraft change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _files.LockedAsync(async () =>
        {
            var log = await _files.ReadAsync(FileRecordTypes.Changes, ChangeLogDocument.Empty, cancellationToken).ConfigureAwait(false);
            var entry = ChangeLogEntry.From(log.NextSequence, change);
            var entries = log.Entries.Append(entry).TakeLast(_changeLogMaxLength).ToList();
            await _files.WriteAsync(FileRecordTypes.Changes, new ChangeLogDocument(log.NextSequence + 1, entries), cancellationToken)
                .ConfigureAwait(false);
            return entry;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(
        long? beforeSequence, int limit, CancellationToken cancellationToken = default)
    {
        StateArguments.Page(beforeSequence, limit);
        return _files.LockedAsync(async () =>
        {
            var log = await _files.ReadAsync(FileRecordTypes.Changes, ChangeLogDocument.Empty, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<ChangeLogEntry> page = log.Entries
                .Where(e => beforeSequence is null || e.Sequence < beforeSequence)
                .OrderByDescending(e => e.Sequence)
                .Take(limit)
                .ToList();
            return page;
        }, cancellationToken);
    }

    private static string OwnershipKey(OwnedObjectKind kind, string cloudflareId) => kind + "/" + cloudflareId;

    private Task<Dictionary<string, StoredRouteSource>> ReadRoutesAsync(CancellationToken cancellationToken) =>
        _files.ReadAsync<Dictionary<string, StoredRouteSource>>(FileRecordTypes.Routes, new(StringComparer.Ordinal), cancellationToken);

    private Task<Dictionary<string, SettingEntry>> ReadSettingsAsync(CancellationToken cancellationToken) =>
        _files.ReadAsync<Dictionary<string, SettingEntry>>(FileRecordTypes.Settings, new(StringComparer.Ordinal), cancellationToken);

    private Task<IReadOnlyList<GraceDeadline>> ListGraceAsync(Func<GraceDeadline, bool> filter, CancellationToken cancellationToken) =>
        _files.LockedAsync(async () =>
        {
            var all = await _files.ReadAsync<Dictionary<string, GraceDeadline>>(FileRecordTypes.Grace, [], cancellationToken)
                .ConfigureAwait(false);
            IReadOnlyList<GraceDeadline> deadlines = all.Values.Where(filter)
                .OrderBy(d => d.DeleteAt).ThenBy(d => d.OwnerKey, StringComparer.Ordinal)
                .ToList();
            return deadlines;
        }, cancellationToken);

    /// <summary>Reads one record type, changes it, and writes it back only when <paramref name="change"/> says so.</summary>
    private Task<TResult> UpdateAsync<TDocument, TResult>(
        string recordType, TDocument empty, Func<TDocument, (TResult Result, bool Changed)> change, CancellationToken cancellationToken) =>
        _files.LockedAsync(async () =>
        {
            var document = await _files.ReadAsync(recordType, empty, cancellationToken).ConfigureAwait(false);
            var (result, changed) = change(document);
            if (changed)
            {
                await _files.WriteAsync(recordType, document, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }, cancellationToken);
}
