using System.Globalization;
using System.Text.Json;
using DockFlare.Core.State;
using StackExchange.Redis;

namespace DockFlare.Modules.State;

/// <summary>
/// The Redis state store, shared by every master replica: hashes per record type, a sorted set for grace
/// deadlines and for the change log, and Lua scripts where a change spans keys or checks a version.
/// </summary>
internal sealed class RedisStateStore : IStateStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly int _database;
    private readonly int _changeLogMaxLength;
    private volatile bool _schemaChecked;

    /// <param name="redis">The connection.</param>
    /// <param name="database">The database number, or -1 for the connection's default.</param>
    /// <param name="changeLogMaxLength">How many change-log entries to keep.</param>
    public RedisStateStore(IConnectionMultiplexer redis, int database, int changeLogMaxLength)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentOutOfRangeException.ThrowIfLessThan(changeLogMaxLength, 1);
        _redis = redis;
        _database = database;
        _changeLogMaxLength = changeLogMaxLength;
    }

    public async Task<VersionedRouteSet> GetRoutesAsync(RouteSourceKey source, CancellationToken cancellationToken = default)
    {
        StateArguments.Source(source);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var key = RedisStateKeys.Routes(source);
        var fields = await db.HashGetAsync(key, ["version", "data"]).ConfigureAwait(false);
        if (fields[0].IsNull)
        {
            return new VersionedRouteSet(source, RouteSet.Empty, 0);
        }

        var version = long.Parse(fields[0].ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        return new VersionedRouteSet(source, Read<RouteSet>(fields[1], key), version);
    }

    public async Task<long> ReplaceRoutesAsync(
        RouteSourceKey source, RouteSet routes, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StateArguments.Source(source);
        StateArguments.Routes(routes, expectedVersion);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var result = (long)await db.ScriptEvaluateAsync(
            RedisStateScripts.ReplaceRoutes,
            [RedisStateKeys.Routes(source), RedisStateKeys.RouteSources],
            [expectedVersion, StateJson.Serialize(routes), routes.IsEmpty ? "0" : "1", source.ToString()]).ConfigureAwait(false);
        return result > 0 ? result : throw StateArguments.Conflict(source, expectedVersion, -result - 1);
    }

    public async Task<IReadOnlyList<RouteSourceKey>> ListRouteSourcesAsync(CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        var members = await db.SetMembersAsync(RedisStateKeys.RouteSources).ConfigureAwait(false);
        return members.Select(m => m.ToString()).Order(StringComparer.Ordinal)
            .Select(text => RouteSourceKey.TryParse(text, out var key)
                ? key
                : throw new StateCorruptedException($"Redis set '{RedisStateKeys.RouteSources}' has the unknown source '{text}'."))
            .ToList();
    }

    public async Task SetGraceDeadlineAsync(GraceDeadline deadline, CancellationToken cancellationToken = default)
    {
        StateArguments.Deadline(deadline);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var transaction = db.CreateTransaction();
        _ = transaction.SortedSetAddAsync(RedisStateKeys.GraceByTime, deadline.OwnerKey, deadline.DeleteAt.ToUnixTimeMilliseconds());
        _ = transaction.HashSetAsync(RedisStateKeys.GraceRecords, deadline.OwnerKey, StateJson.Serialize(deadline));
        await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task<bool> ClearGraceDeadlineAsync(string ownerKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerKey);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var transaction = db.CreateTransaction();
        var removed = transaction.SortedSetRemoveAsync(RedisStateKeys.GraceByTime, ownerKey);
        _ = transaction.HashDeleteAsync(RedisStateKeys.GraceRecords, ownerKey);
        await transaction.ExecuteAsync().ConfigureAwait(false);
        return await removed.ConfigureAwait(false);
    }

    public Task<IReadOnlyList<GraceDeadline>> ListGraceDeadlinesAsync(CancellationToken cancellationToken = default) =>
        ListGraceAsync(null, cancellationToken);

    public async Task<IReadOnlyList<GraceDeadline>> GetGraceDeadlinesAsync(
        IReadOnlyCollection<string> ownerKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ownerKeys);
        if (ownerKeys.Count == 0)
        {
            return [];
        }

        var db = await DatabaseAsync().ConfigureAwait(false);
        return await ReadGraceRecordsAsync(db, [.. ownerKeys.Distinct(StringComparer.Ordinal).Select(k => (RedisValue)k)], null).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<GraceDeadline>> ListExpiredGraceDeadlinesAsync(
        DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ListGraceAsync(now, cancellationToken);

    public async Task PutOwnershipAsync(OwnershipRecord record, CancellationToken cancellationToken = default)
    {
        StateArguments.Ownership(record);
        var db = await DatabaseAsync().ConfigureAwait(false);
        await db.HashSetAsync(RedisStateKeys.Ownership(record.Kind), record.CloudflareId, StateJson.Serialize(record)).ConfigureAwait(false);
    }

    public async Task<bool> RemoveOwnershipAsync(OwnedObjectKind kind, string cloudflareId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cloudflareId);
        var db = await DatabaseAsync().ConfigureAwait(false);
        return await db.HashDeleteAsync(RedisStateKeys.Ownership(kind), cloudflareId).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OwnershipRecord>> ListOwnershipAsync(OwnedObjectKind kind, CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        var key = RedisStateKeys.Ownership(kind);
        var entries = await db.HashGetAllAsync(key).ConfigureAwait(false);
        return entries.Select(e => Read<OwnershipRecord>(e.Value, key))
            .OrderBy(r => r.CloudflareId, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<SettingEntry?> GetSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var value = await db.HashGetAsync(RedisStateKeys.Settings, key).ConfigureAwait(false);
        return value.IsNull ? null : Read<SettingEntry>(value, RedisStateKeys.Settings);
    }

    public async Task SetSettingAsync(SettingEntry setting, CancellationToken cancellationToken = default)
    {
        StateArguments.Setting(setting);
        var db = await DatabaseAsync().ConfigureAwait(false);
        await db.HashSetAsync(RedisStateKeys.Settings, setting.Key, StateJson.Serialize(setting)).ConfigureAwait(false);
    }

    public async Task<bool> CompareAndSetSettingAsync(SettingEntry setting, SettingEntry? expected, CancellationToken cancellationToken = default)
    {
        StateArguments.ExpectedSetting(setting, expected);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var stored = await db.HashGetAsync(RedisStateKeys.Settings, setting.Key).ConfigureAwait(false);
        var current = stored.IsNull ? null : Read<SettingEntry>(stored, RedisStateKeys.Settings);
        if (current != expected)
        {
            return false;
        }

        // Compared as entries above (the stored text may come from another serializer version), then written only
        // if the stored text is still exactly the one compared: the transaction's condition makes it atomic.
        var transaction = db.CreateTransaction();
        transaction.AddCondition(stored.IsNull
            ? Condition.HashNotExists(RedisStateKeys.Settings, setting.Key)
            : Condition.HashEqual(RedisStateKeys.Settings, setting.Key, stored));
        _ = transaction.HashSetAsync(RedisStateKeys.Settings, setting.Key, StateJson.Serialize(setting));
        return await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task<bool> RemoveSettingAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var db = await DatabaseAsync().ConfigureAwait(false);
        return await db.HashDeleteAsync(RedisStateKeys.Settings, key).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SettingEntry>> ListSettingsAsync(CancellationToken cancellationToken = default)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);
        var entries = await db.HashGetAllAsync(RedisStateKeys.Settings).ConfigureAwait(false);
        return entries.Select(e => Read<SettingEntry>(e.Value, RedisStateKeys.Settings))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ChangeLogEntry> AppendChangeAsync(ChangeLogDraft change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var sequence = (long)await db.ScriptEvaluateAsync(
            RedisStateScripts.AppendChange,
            [RedisStateKeys.ChangeSequence, RedisStateKeys.Changes],
            [StateJson.Serialize(change), _changeLogMaxLength]).ConfigureAwait(false);
        return ChangeLogEntry.From(sequence, change);
    }

    public async Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(
        long? beforeSequence, int limit, CancellationToken cancellationToken = default)
    {
        StateArguments.Page(beforeSequence, limit);
        var db = await DatabaseAsync().ConfigureAwait(false);
        var members = await db.SortedSetRangeByScoreAsync(
            RedisStateKeys.Changes,
            start: double.NegativeInfinity,
            stop: beforeSequence is { } before ? before : double.PositiveInfinity,
            exclude: beforeSequence is null ? Exclude.None : Exclude.Stop,
            order: Order.Descending,
            take: limit).ConfigureAwait(false);
        return members.Select(ReadChange).ToList();
    }

    private static ChangeLogEntry ReadChange(RedisValue member)
    {
        var text = member.ToString();
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !long.TryParse(text.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new StateCorruptedException($"Redis sorted set '{RedisStateKeys.Changes}' has an entry without a sequence number.");
        }

        return ChangeLogEntry.From(sequence, Read<ChangeLogDraft>(text[(bar + 1)..], RedisStateKeys.Changes));
    }

    private static T Read<T>(RedisValue value, RedisKey key)
    {
        try
        {
            return value.IsNull ? throw new JsonException("The value is missing.") : StateJson.Deserialize<T>(value.ToString());
        }
        catch (JsonException e)
        {
            throw new StateCorruptedException($"Redis key '{key}' holds a value that is not a valid {typeof(T).Name} ({e.Message}).", e);
        }
    }

    private async Task<IReadOnlyList<GraceDeadline>> ListGraceAsync(DateTimeOffset? now, CancellationToken cancellationToken)
    {
        var db = await DatabaseAsync().ConfigureAwait(false);

        // Scores are whole milliseconds; the exact comparison below decides for deadlines inside that millisecond.
        var owners = await db.SortedSetRangeByScoreAsync(
            RedisStateKeys.GraceByTime,
            stop: now is { } until ? until.ToUnixTimeMilliseconds() : double.PositiveInfinity).ConfigureAwait(false);
        if (owners.Length == 0)
        {
            return [];
        }

        // Two reads, not one snapshot: a deadline cleared in between (a container back, under load) has no record
        // any more and is simply gone, not corrupt. Set and clear each change both keys in one transaction.
        return await ReadGraceRecordsAsync(db, owners, now).ConfigureAwait(false);
    }

    /// <summary>The grace records of <paramref name="owners"/> that exist (due by <paramref name="now"/> when given), soonest first.</summary>
    private static async Task<IReadOnlyList<GraceDeadline>> ReadGraceRecordsAsync(IDatabase db, RedisValue[] owners, DateTimeOffset? now)
    {
        var records = await db.HashGetAsync(RedisStateKeys.GraceRecords, owners).ConfigureAwait(false);
        return records.Where(r => !r.IsNull).Select(r => Read<GraceDeadline>(r, RedisStateKeys.GraceRecords))
            .Where(d => now is null || d.DeleteAt <= now)
            .OrderBy(d => d.DeleteAt).ThenBy(d => d.OwnerKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The database, after checking once that its schema is the one this build writes.</summary>
    private async Task<IDatabase> DatabaseAsync()
    {
        var db = _redis.GetDatabase(_database);
        if (_schemaChecked)
        {
            return db;
        }

        var stored = (int)await db.ScriptEvaluateAsync(
            RedisStateScripts.EnsureSchema, [RedisStateKeys.Schema], [StateSchema.CurrentVersion]).ConfigureAwait(false);
        if (stored != StateSchema.CurrentVersion)
        {
            throw new StateSchemaException(stored > StateSchema.CurrentVersion
                ? $"Redis key '{RedisStateKeys.Schema}' says schema version {stored}, newer than this build's {StateSchema.CurrentVersion}. Upgrade DockFlare."
                : $"Redis key '{RedisStateKeys.Schema}' says schema version {stored}, which this build cannot migrate (it reads {StateSchema.CurrentVersion}).");
        }

        _schemaChecked = true;
        return db;
    }
}
