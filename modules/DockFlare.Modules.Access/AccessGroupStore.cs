using System.Text.Json;
using DockFlare.Core.State;

namespace DockFlare.Modules.Access;

/// <summary>
/// The user-defined Access groups, kept as one JSON setting (<see cref="SettingKey"/>). System groups are
/// never stored: they are built by <see cref="AccessGroupCatalog"/>.
/// </summary>
internal sealed class AccessGroupStore(IStateStore state)
{
    public const string SettingKey = "access.groups";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>The stored groups in stored order; a stored system id is dropped (the system definition wins).</summary>
    public async Task<IReadOnlyList<AccessGroupDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        var entry = await state.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
        if (entry is null || string.IsNullOrWhiteSpace(entry.Value))
        {
            return [];
        }

        var groups = JsonSerializer.Deserialize<List<AccessGroupDefinition>>(entry.Value, Json) ?? [];
        return [.. groups.Where(g => !AccessGroupCatalog.IsSystem(g.Id))];
    }

    /// <summary>Replaces all stored groups.</summary>
    /// <exception cref="ArgumentException">A group uses a system id, or two groups share an id.</exception>
    public Task SaveAsync(IReadOnlyList<AccessGroupDefinition> groups, CancellationToken cancellationToken)
    {
        if (groups.FirstOrDefault(g => AccessGroupCatalog.IsSystem(g.Id)) is { } system)
        {
            throw new ArgumentException($"'{system.Id}' is a system group and cannot be stored.", nameof(groups));
        }

        if (groups.GroupBy(g => g.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Access group '{duplicate.Key}' is defined twice.", nameof(groups));
        }

        return state.SetSettingAsync(new SettingEntry(SettingKey, JsonSerializer.Serialize(groups, Json), IsJson: true), cancellationToken);
    }
}
