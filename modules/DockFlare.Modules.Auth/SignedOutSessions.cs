using System.Globalization;
using DockFlare.Core.State;

namespace DockFlare.Modules.Auth;

/// <summary>
/// Sessions ended by signing out. A session cookie is self-contained, so deleting it in the browser is not enough: a
/// copy would still work until it expires. Each session carries an id (<see cref="DockFlareAuthentication.SessionIdClaim"/>);
/// signing out records it here (one setting per session, <see cref="SettingPrefix"/> and the id, shared by every
/// replica and kept across restarts) until the cookie could no longer be valid, and every request with a recorded id
/// is refused. A request's check is one read of one small setting, however many sessions were signed out.
/// </summary>
public sealed class SignedOutSessions(IStateStore store, TimeProvider time)
{
    public const string SettingPrefix = "auth.signed-out.";

    /// <summary>Whether the session <paramref name="sessionId"/> was signed out (and its cookie could still be valid).</summary>
    public async Task<bool> ContainsAsync(string sessionId, CancellationToken cancellationToken) =>
        await store.GetSettingAsync(SettingPrefix + sessionId, cancellationToken).ConfigureAwait(false) is { } entry
        && Until(entry) > time.GetUtcNow();

    /// <summary>Records that <paramref name="sessionId"/> was signed out; forgets the ids whose cookies have expired.</summary>
    public async Task AddAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = (now + DockFlareAuthentication.SessionLifetime).ToString("O", CultureInfo.InvariantCulture);
        await store.SetSettingAsync(new SettingEntry(SettingPrefix + sessionId, until, IsJson: false), cancellationToken).ConfigureAwait(false);
        foreach (var expired in (await store.ListSettingsAsync(cancellationToken).ConfigureAwait(false))
                     .Where(s => s.Key.StartsWith(SettingPrefix, StringComparison.Ordinal) && Until(s) <= now))
        {
            await store.RemoveSettingAsync(expired.Key, cancellationToken).ConfigureAwait(false);
        }
    }

    // An unreadable value (only a hand edit makes one) counts as still signed out until it is pruned: refusing is the safe side.
    private static DateTimeOffset Until(SettingEntry entry) =>
        DateTimeOffset.TryParse(entry.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until) ? until : DateTimeOffset.MaxValue;
}
