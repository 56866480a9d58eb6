using System.Collections.Concurrent;
using DockFlare.Core.State;

namespace DockFlare.Testing;

/// <summary>The settings and ownership parts of the state store, in memory (what the Access and Auth modules use); the rest throws.</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly ConcurrentDictionary<string, SettingEntry> _settings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(OwnedObjectKind, string), OwnershipRecord> _ownership = new();

    public Task PutOwnershipAsync(OwnershipRecord record, CancellationToken cancellationToken = default)
    {
        _ownership[(record.Kind, record.CloudflareId)] = record;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveOwnershipAsync(OwnedObjectKind kind, string cloudflareId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ownership.TryRemove((kind, cloudflareId), out _));

    public Task<IReadOnlyList<OwnershipRecord>> ListOwnershipAsync(OwnedObjectKind kind, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OwnershipRecord>>([.. _ownership.Values.Where(r => r.Kind == kind).OrderBy(r => r.CloudflareId, StringComparer.Ordinal)]);

    /// <summary>How long a setting read takes (default none): a delay makes concurrent read-modify-write races show, as over a network.</summary>
    public TimeSpan SettingReadDelay { get; set; }

    public async Task<SettingEntry?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        // Read first, answer later: like a network round trip, the value may be stale by the time the caller sees it.
        var entry = _settings.TryGetValue(key, out var found) ? found : null;
        if (SettingReadDelay > TimeSpan.Zero)
        {
            await Task.Delay(SettingReadDelay, cancellationToken).ConfigureAwait(false);
        }

        return entry;
    }

    public Task<bool> RemoveSettingAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_settings.TryRemove(key, out _));

    public Task SetSettingAsync(SettingEntry setting, CancellationToken cancellationToken = default)
    {
        if (setting.IsJson)
        {
            using var _ = System.Text.Json.JsonDocument.Parse(setting.Value);
        }

        _settings[setting.Key] = setting;
        return Task.CompletedTask;
    }

    public Task<bool> CompareAndSetSettingAsync(SettingEntry setting, SettingEntry? expected, CancellationToken cancellationToken = default)
    {
        if (setting.IsJson)
        {
            using var _ = System.Text.Json.JsonDocument.Parse(setting.Value);
        }

        return Task.FromResult(expected is null ? _settings.TryAdd(setting.Key, setting) : _settings.TryUpdate(setting.Key, setting, expected));
    }

    public Task<IReadOnlyList<SettingEntry>> ListSettingsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SettingEntry>>([.. _settings.Values.OrderBy(s => s.Key, StringComparer.Ordinal)]);

    public Task<VersionedRouteSet> GetRoutesAsync(RouteSourceKey source, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<long> ReplaceRoutesAsync(RouteSourceKey source, RouteSet routes, long expectedVersion, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<RouteSourceKey>> ListRouteSourcesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SetGraceDeadlineAsync(GraceDeadline deadline, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> ClearGraceDeadlineAsync(string ownerKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GraceDeadline>> ListGraceDeadlinesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GraceDeadline>> GetGraceDeadlinesAsync(IReadOnlyCollection<string> ownerKeys, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<GraceDeadline>> ListExpiredGraceDeadlinesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ChangeLogEntry> AppendChangeAsync(ChangeLogDraft change, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(long? beforeSequence, int limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
