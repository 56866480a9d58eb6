using System.Text.Json;
using DockFlare.Core.State;

namespace DockFlare.Modules.Auth.Users;

/// <summary>
/// The UI's user accounts, one setting each (<c>auth.user.&lt;name&gt;</c>) in the state store, so every replica
/// sees the same users and a restart keeps them.
/// </summary>
/// <remarks>Known limit: updates are read-modify-write; two replicas counting the same user's failures at the same instant may lose one count.</remarks>
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
