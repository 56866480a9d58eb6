using System.Text.Json;
using DockFlare.Core.Access;
using DockFlare.Core.State;

namespace DockFlare.Modules.Access;

/// <summary>
/// The <see cref="AppliedIntentNote"/>s of DockFlare's Access applications, one JSON setting
/// (<see cref="SettingKey"/>) mapping application id → note. Only written when a note changes.
/// </summary>
internal sealed class AppliedIntentNotes(IStateStore state) : IDisposable
{
    public const string SettingKey = "access.applied-intents";

    private readonly SemaphoreSlim _write = new(1, 1);

    public async Task<IReadOnlyDictionary<string, AppliedIntentNote>> ReadAsync(CancellationToken cancellationToken)
    {
        var entry = await state.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
        return entry is null || string.IsNullOrWhiteSpace(entry.Value)
            ? new Dictionary<string, AppliedIntentNote>()
            : JsonSerializer.Deserialize<Dictionary<string, AppliedIntentNote>>(entry.Value) ?? [];
    }

    /// <summary>Records what <paramref name="intent"/> needs remembered for <paramref name="appId"/> (or forgets it: null).</summary>
    public async Task SetAsync(string appId, AccessIntent? intent, CancellationToken cancellationToken)
    {
        var note = intent is null || (intent.LegacyPolicy is null && intent.CustomRulesJson is null)
            ? null
            : new AppliedIntentNote(intent.Mode, intent.LegacyPolicy, intent.CustomRulesJson);
        await _write.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var notes = new Dictionary<string, AppliedIntentNote>(await ReadAsync(cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            var had = notes.TryGetValue(appId, out var old);
            if (note is null ? !had : note == old)
            {
                return;
            }

            if (note is null)
            {
                notes.Remove(appId);
            }
            else
            {
                notes[appId] = note;
            }

            await state.SetSettingAsync(new SettingEntry(SettingKey, JsonSerializer.Serialize(notes), IsJson: true), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _write.Release();
        }
    }

    public void Dispose() => _write.Dispose();
}
