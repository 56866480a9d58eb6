using System.Text.Json;
using DockFlare.Core.State;

namespace DockFlare.Modules.Access;

/// <summary>
/// The user-defined Access groups, kept as one JSON setting (<see cref="SettingKey"/>). System groups are
/// never stored: they are built by <see cref="AccessGroupCatalog"/>. Changes are read-modify-write with the
/// state store's compare-and-set, so two writers (two requests, or two master replicas) never lose each other's edit.
/// </summary>
internal sealed class AccessGroupStore(IStateStore state) : IDisposable
{
    public const string SettingKey = "access.groups";

    /// <summary>How often a change is applied again after other writers changed the setting in between.</summary>
    public const int MaxAttempts = 5;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    // Writers of this process take turns, so only another replica can make a compare-and-set fail.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>The stored groups in stored order; a stored system id is dropped (the system definition wins).</summary>
    public async Task<IReadOnlyList<AccessGroupDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        var entry = await state.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
        return Read(entry);
    }

    /// <summary>Replaces all stored groups.</summary>
    /// <exception cref="ArgumentException">A group uses a system id, or two groups share an id.</exception>
    public Task SaveAsync(IReadOnlyList<AccessGroupDefinition> groups, CancellationToken cancellationToken)
    {
        CheckStorable(groups);
        return state.SetSettingAsync(Entry(groups), cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the stored groups and writes them back when it says it changed them, only if
    /// nobody else wrote in between; otherwise the edit runs again on what is stored now, so it must only depend on its argument.
    /// </summary>
    /// <exception cref="StateConcurrencyException">Other writers won <see cref="MaxAttempts"/> times in a row.</exception>
    /// <exception cref="ArgumentException">The edit left a system id or a duplicate id.</exception>
    public async Task<T> UpdateAsync<T>(Func<List<AccessGroupDefinition>, (bool Changed, T Result)> edit, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await state.UpdateSettingAsync(SettingKey, entry =>
            {
                var groups = Read(entry).ToList();
                var (changed, result) = edit(groups);
                if (!changed)
                {
                    return ((SettingEntry?)null, result);
                }

                CheckStorable(groups);
                return (Entry(groups), result);
            }, MaxAttempts, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private static IReadOnlyList<AccessGroupDefinition> Read(SettingEntry? entry)
    {
        if (entry is null || string.IsNullOrWhiteSpace(entry.Value))
        {
            return [];
        }

        var groups = JsonSerializer.Deserialize<List<AccessGroupDefinition>>(entry.Value, Json) ?? [];
        return [.. groups.Where(g => !AccessGroupCatalog.IsSystem(g.Id))];
    }

    private static SettingEntry Entry(IReadOnlyList<AccessGroupDefinition> groups) =>
        new(SettingKey, JsonSerializer.Serialize(groups, Json), IsJson: true);

    private static void CheckStorable(IReadOnlyList<AccessGroupDefinition> groups)
    {
        if (groups.FirstOrDefault(g => AccessGroupCatalog.IsSystem(g.Id)) is { } system)
        {
            throw new ArgumentException($"'{system.Id}' is a system group and cannot be stored.", nameof(groups));
        }

        if (groups.GroupBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Access group '{duplicate.Key}' is defined twice.", nameof(groups));
        }
    }
}
