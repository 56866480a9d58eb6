using System.Text.Json;
using DockFlare.Core.State;

namespace DockFlare.Host.Web.DryRun;

/// <summary>
/// The findings admins hid from the plan page, one setting each (<c>ui.plan.ignored.&lt;key&gt;</c>) in the state
/// store: every replica sees the same list, a restart keeps it, and two admins ignoring at once never overwrite each
/// other. Ignoring only hides a finding from the list; the plan and what Apply does are unchanged.
/// </summary>
internal sealed class PlanIgnoreList(IStateStore store, TimeProvider time)
{
    public const string SettingPrefix = "ui.plan.ignored.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every ignored finding, newest first.</summary>
    /// <exception cref="StateCorruptedException">A stored entry cannot be read.</exception>
    public async Task<IReadOnlyList<IgnoredFinding>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListSettingsAsync(cancellationToken))
            .Where(s => s.Key.StartsWith(SettingPrefix, StringComparison.Ordinal))
            .Select(Read)
            .OrderByDescending(i => i.At)];

    public Task IgnoreAsync(PlanFinding finding, string by, CancellationToken cancellationToken) =>
        store.SetSettingAsync(
            new SettingEntry(SettingPrefix + finding.Key, JsonSerializer.Serialize(new IgnoredFinding(finding.Key, finding.Description, by, time.GetUtcNow()), Json), IsJson: true),
            cancellationToken);

    /// <returns>Whether the finding was ignored.</returns>
    public Task<bool> UnignoreAsync(string key, CancellationToken cancellationToken) =>
        store.RemoveSettingAsync(SettingPrefix + key, cancellationToken);

    private static IgnoredFinding Read(SettingEntry setting)
    {
        try
        {
            return JsonSerializer.Deserialize<IgnoredFinding>(setting.Value, Json)
                   ?? throw new StateCorruptedException($"The ignored plan finding {setting.Key} is empty.");
        }
        catch (JsonException exception)
        {
            throw new StateCorruptedException($"The ignored plan finding {setting.Key} is not readable: {exception.Message}");
        }
    }
}
