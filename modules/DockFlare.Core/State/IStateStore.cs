namespace DockFlare.Core.State;

/// <summary>
/// DockFlare's persisted state: routes by source, grace-period deadlines, ownership of the Cloudflare
/// objects it created, settings and the change log. Redis when <c>REDIS_URL</c> is set (shared by master
/// replicas), otherwise files in <c>DATA_DIR</c> written atomically.
/// </summary>
/// <remarks>
/// Every method is safe to call concurrently. Unreadable stored data raises
/// <see cref="StateCorruptedException"/>, data of an unknown schema <see cref="StateSchemaException"/>;
/// neither is ever replaced by empty state.
/// </remarks>
public interface IStateStore
{
    /// <summary>Reads the routes of one source with their version (0 and empty when never written).</summary>
    Task<VersionedRouteSet> GetRoutesAsync(RouteSourceKey source, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces all routes of one source at once, if the stored version still is <paramref name="expectedVersion"/>.
    /// </summary>
    /// <returns>The new version.</returns>
    /// <exception cref="StateConcurrencyException">Another writer replaced the set since it was read.</exception>
    Task<long> ReplaceRoutesAsync(
        RouteSourceKey source, RouteSet routes, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The sources that currently have routes or manual rules stored, in text order.</summary>
    Task<IReadOnlyList<RouteSourceKey>> ListRouteSourcesAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets (or moves) the grace deadline of an owner.</summary>
    Task SetGraceDeadlineAsync(GraceDeadline deadline, CancellationToken cancellationToken = default);

    /// <summary>Clears the grace deadline of an owner (it came back, or its routes were deleted).</summary>
    /// <returns>Whether a deadline was set.</returns>
    Task<bool> ClearGraceDeadlineAsync(string ownerKey, CancellationToken cancellationToken = default);

    /// <summary>All grace deadlines, soonest first.</summary>
    Task<IReadOnlyList<GraceDeadline>> ListGraceDeadlinesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The grace deadlines of <paramref name="ownerKeys"/> (those that have one), soonest first: what one source's merge
    /// needs, at a cost that grows with that source's containers rather than with every deadline of every source.
    /// </summary>
    Task<IReadOnlyList<GraceDeadline>> GetGraceDeadlinesAsync(
        IReadOnlyCollection<string> ownerKeys, CancellationToken cancellationToken = default);

    /// <summary>The grace deadlines at or before <paramref name="now"/>, soonest first.</summary>
    Task<IReadOnlyList<GraceDeadline>> ListExpiredGraceDeadlinesAsync(
        DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Records (or updates) the ownership of a Cloudflare object, keyed by kind and Cloudflare id.</summary>
    Task PutOwnershipAsync(OwnershipRecord record, CancellationToken cancellationToken = default);

    /// <summary>Forgets the ownership of an object (it was deleted or released).</summary>
    /// <returns>Whether a record existed.</returns>
    Task<bool> RemoveOwnershipAsync(OwnedObjectKind kind, string cloudflareId, CancellationToken cancellationToken = default);

    /// <summary>The ownership records of one kind, ordered by Cloudflare id.</summary>
    Task<IReadOnlyList<OwnershipRecord>> ListOwnershipAsync(OwnedObjectKind kind, CancellationToken cancellationToken = default);

    /// <summary>Reads one setting, or null when it was never set.</summary>
    Task<SettingEntry?> GetSettingAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores one setting, replacing any previous value.</summary>
    /// <exception cref="ArgumentException">The entry says it is JSON but its value is not valid JSON.</exception>
    Task SetSettingAsync(SettingEntry setting, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="setting"/> only if the stored entry of its key still equals <paramref name="expected"/>
    /// (null: only if the key has no entry): the compare-and-set that lets two writers of one setting never lose each
    /// other's edits. Read, change, and call this again with what was read when it answers false.
    /// </summary>
    /// <returns>Whether it was stored (false: another writer changed the setting since <paramref name="expected"/> was read).</returns>
    /// <exception cref="ArgumentException">The entry says it is JSON but is not, or <paramref name="expected"/> has another key.</exception>
    Task<bool> CompareAndSetSettingAsync(SettingEntry setting, SettingEntry? expected, CancellationToken cancellationToken = default);

    /// <summary>Deletes one setting.</summary>
    /// <returns>Whether it existed.</returns>
    Task<bool> RemoveSettingAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>All settings, ordered by key.</summary>
    Task<IReadOnlyList<SettingEntry>> ListSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends a change, giving it the next sequence number.</summary>
    /// <remarks>The log keeps a configurable number of the newest entries; older ones are dropped.</remarks>
    Task<ChangeLogEntry> AppendChangeAsync(ChangeLogDraft change, CancellationToken cancellationToken = default);

    /// <summary>Reads changes newest first.</summary>
    /// <param name="beforeSequence">Only entries with a lower sequence (the last sequence of the previous page), or null for the newest.</param>
    /// <param name="limit">At most this many entries (1 or more).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(
        long? beforeSequence, int limit, CancellationToken cancellationToken = default);
}
