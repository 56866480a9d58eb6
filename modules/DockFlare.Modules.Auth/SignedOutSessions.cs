using System.Text.Json;
using DockFlare.Core.State;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Auth;

/// <summary>
/// Sessions ended by signing out. A session cookie is self-contained, so deleting it in the browser is not enough: a
/// copy would still work until it expires. Each session carries an id (<see cref="DockFlareAuthentication.SessionIdClaim"/>);
/// signing out records it here (one JSON setting, <see cref="SettingKey"/>, shared by every replica and kept across
/// restarts) until the cookie could no longer be valid, and every request with a recorded id is refused.
/// </summary>
/// <remarks>
/// An unreadable list (only a hand edit of the store makes one) is logged as an error and read as empty, and the next
/// sign-out writes a new one: refusing every session instead would leave no way in to repair it.
/// </remarks>
public sealed class SignedOutSessions(IStateStore store, TimeProvider time, ILogger<SignedOutSessions> log)
{
    public const string SettingKey = "auth.signed-out-sessions";

    /// <summary>The most ids kept; past it the oldest go first (their cookies are the nearest to expiring anyway).</summary>
    public const int MaxEntries = 10_000;

    private const int MaxAttempts = 20;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Whether the session <paramref name="sessionId"/> was signed out.</summary>
    public async Task<bool> ContainsAsync(string sessionId, CancellationToken cancellationToken) =>
        Read(await store.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false)).TryGetValue(sessionId, out var until)
        && until > time.GetUtcNow();

    /// <summary>Records that <paramref name="sessionId"/> was signed out; forgets the ids whose cookies have expired.</summary>
    /// <exception cref="StateConcurrencyException">The list kept changing under every attempt.</exception>
    public Task AddAsync(string sessionId, CancellationToken cancellationToken) =>
        store.UpdateSettingAsync(SettingKey, stored =>
        {
            var now = time.GetUtcNow();
            var kept = Read(stored).Where(e => e.Value > now).OrderByDescending(e => e.Value).Take(MaxEntries - 1)
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            kept[sessionId] = now + DockFlareAuthentication.SessionLifetime;
            return ((SettingEntry?)new SettingEntry(SettingKey, JsonSerializer.Serialize(kept, Json), IsJson: true), true);
        }, MaxAttempts, cancellationToken);

    private Dictionary<string, DateTimeOffset> Read(SettingEntry? stored)
    {
        if (stored is null || string.IsNullOrWhiteSpace(stored.Value))
        {
            return new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }

        try
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, DateTimeOffset>>(stored.Value, Json);
            return entries is null ? new(StringComparer.Ordinal) : new(entries, StringComparer.Ordinal);
        }
        catch (JsonException ex)
        {
            log.LogError("The stored setting {Setting} is not readable, so sessions signed out earlier are not refused until the next sign-out rewrites it: {Error}",
                SettingKey, ex.Message);
            return new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        }
    }
}
