using System.Text.Json;
using DockFlare.Core.State;

namespace DockFlare.Modules.Auth.Users;

/// <summary>
/// The UI's user accounts, one setting each (<c>auth.user.&lt;name&gt;</c>) in the state store, so every replica
/// sees the same users and a restart keeps them.
/// </summary>
/// <remarks>
/// <see cref="UpdateAsync"/> changes an account with compare-and-set, so concurrent sign-ins (in one replica or several)
/// never lose a failure count; <see cref="SaveAsync"/> replaces an account outright.
/// </remarks>
public sealed class UserStore(IStateStore store)
{
    public const string SettingPrefix = "auth.user.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <exception cref="StateCorruptedException">The stored account cannot be read.</exception>
    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var setting = await store.GetSettingAsync(SettingPrefix + UserNames.Normalize(userName), cancellationToken).ConfigureAwait(false);
        return setting is null ? null : Read(setting);
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListSettingsAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => s.Key.StartsWith(SettingPrefix, StringComparison.Ordinal))
            .Select(Read)
            .OrderBy(u => u.UserName, StringComparer.Ordinal)];

    /// <summary>Whether any account exists (the setup page is open only while none does).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken).ConfigureAwait(false)).Count > 0;

    /// <summary>Creates or replaces an account.</summary>
    public Task SaveAsync(UserAccount account, CancellationToken cancellationToken) =>
        store.SetSettingAsync(
            new SettingEntry(SettingPrefix + UserNames.Normalize(account.UserName), JsonSerializer.Serialize(account, Json), IsJson: true),
            cancellationToken);

    /// <summary>
    /// Changes an account atomically: <paramref name="change"/> gets the stored account and returns the new one, or null to
    /// leave it as it is; when another writer changed it meanwhile, it runs again on the newer account.
    /// </summary>
    /// <returns>The account as stored afterwards, or null when there is no such account.</returns>
    /// <exception cref="StateConcurrencyException">The account kept changing under every attempt.</exception>
    public Task<UserAccount?> UpdateAsync(string userName, Func<UserAccount, UserAccount?> change, CancellationToken cancellationToken)
    {
        var key = SettingPrefix + UserNames.Normalize(userName);
        return store.UpdateSettingAsync(key, stored =>
        {
            if (stored is null)
            {
                return ((SettingEntry?)null, (UserAccount?)null);
            }

            var current = Read(stored);
            return change(current) is { } updated
                ? (new SettingEntry(key, JsonSerializer.Serialize(updated, Json), IsJson: true), updated)
                : (null, current);
        }, MaxUpdateAttempts, cancellationToken);
    }

    private const int MaxUpdateAttempts = 20;

    /// <summary>Deletes an account.</summary>
    /// <returns>Whether it existed.</returns>
    public Task<bool> DeleteAsync(string userName, CancellationToken cancellationToken) =>
        store.RemoveSettingAsync(SettingPrefix + UserNames.Normalize(userName), cancellationToken);

    private static UserAccount Read(SettingEntry setting)
    {
        try
        {
            return JsonSerializer.Deserialize<UserAccount>(setting.Value, Json)
                   ?? throw new StateCorruptedException($"The stored user account {setting.Key} is empty.");
        }
        catch (JsonException ex)
        {
            throw new StateCorruptedException($"The stored user account {setting.Key} is not readable: {ex.Message}");
        }
    }
}
