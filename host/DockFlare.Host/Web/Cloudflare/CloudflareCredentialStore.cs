using System.Security.Cryptography;
using System.Text.Json;
using DockFlare.Core.State;
using Microsoft.AspNetCore.DataProtection;

namespace DockFlare.Host.Web.Cloudflare;

/// <summary>
/// The Cloudflare credentials entered in the UI, kept in the state store's settings (<see cref="SettingKey"/>) encrypted
/// and authenticated with ASP.NET Core Data Protection, whose keys persist beside the state (Redis or <c>DATA_DIR/keys</c>).
/// Neither the token nor the account id is ever stored or logged in clear.
/// </summary>
internal sealed class CloudflareCredentialStore(IStateStore state, IDataProtectionProvider protection)
{
    public const string SettingKey = "cloudflare.credentials";

    // A new purpose string makes old ciphertexts unreadable on purpose: change it only with a migration.
    private const string Purpose = "DockFlare.Settings.CloudflareCredentials.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public Task SaveAsync(CloudflareCredentials credentials, CancellationToken cancellationToken) =>
        state.SetSettingAsync(
            new SettingEntry(SettingKey, _protector.Protect(JsonSerializer.Serialize(credentials)), IsJson: false), cancellationToken);

    public Task ForgetAsync(CancellationToken cancellationToken) => state.RemoveSettingAsync(SettingKey, cancellationToken);

    /// <returns>The stored credentials, or null when none are stored.</returns>
    /// <exception cref="InvalidOperationException">They are stored but cannot be decrypted or read; the message says why.</exception>
    public async Task<CloudflareCredentials?> LoadAsync(CancellationToken cancellationToken)
    {
        var entry = await state.GetSettingAsync(SettingKey, cancellationToken).ConfigureAwait(false);
        if (entry is null || string.IsNullOrEmpty(entry.Value))
        {
            return null;
        }

        try
        {
            var credentials = JsonSerializer.Deserialize<CloudflareCredentials>(_protector.Unprotect(entry.Value));
            return credentials is { AccountId.Length: > 0, Token.Length: > 0 }
                ? credentials
                : throw new InvalidOperationException($"The stored Cloudflare credentials (setting '{SettingKey}') are incomplete: enter them again in Settings.");
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            throw new InvalidOperationException(
                $"The stored Cloudflare credentials (setting '{SettingKey}') cannot be decrypted: the Data Protection keys they were "
                + "encrypted with are gone or were changed (Redis key 'dockflare:dataprotection:keys' or DATA_DIR/keys). Enter them again in Settings.",
                ex);
        }
    }
}
