using System.Security.Cryptography;
using DockFlare.Core.State;
using Microsoft.Extensions.Logging;

namespace DockFlare.Modules.Auth;

/// <summary>
/// Knows the hash of the one API key the REST API accepts: <c>DOCKFLARE_API_KEY</c> when set; otherwise a key
/// generated on first start, shown once through <see cref="IApiKeyAnnouncer"/> and kept only as its SHA-256
/// hash in the state store's settings, so later starts (and other replicas) find it and print nothing.
/// </summary>
/// <remarks>
/// Known limit: two replicas starting for the very first time at the same moment may both generate a key;
/// the last write wins and the other printed key does not work. Set DOCKFLARE_API_KEY for such deployments.
/// </remarks>
internal sealed class ApiKeyVault(AuthOptions options, IStateStore store, IApiKeyAnnouncer announcer, ILogger<ApiKeyVault> log)
    : IDisposable
{
    /// <summary>The setting holding the hex SHA-256 of a generated key.</summary>
    public const string HashSettingKey = "auth.api-key.sha256";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _expectedHash;

    /// <summary>The hash to compare presented keys with, generating and announcing a key on first start.</summary>
    /// <exception cref="StateCorruptedException">The stored hash is unreadable.</exception>
    public async Task<byte[]> GetExpectedHashAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _expectedHash) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _expectedHash ??= await LoadAsync(cancellationToken).ConfigureAwait(false);
            return _expectedHash;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether <paramref name="presented"/> is the API key, compared in constant time.</summary>
    public async Task<bool> VerifyAsync(string presented, CancellationToken cancellationToken) =>
        ApiKeyHash.Matches(presented, await GetExpectedHashAsync(cancellationToken).ConfigureAwait(false));

    public void Dispose() => _gate.Dispose();

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            log.LogInformation("The REST API accepts the key set in DOCKFLARE_API_KEY");
            return ApiKeyHash.Compute(options.ApiKey.Trim());
        }

        var stored = await store.GetSettingAsync(HashSettingKey, cancellationToken).ConfigureAwait(false);
        if (stored is not null)
        {
            if (!ApiKeyHash.TryFromHex(stored.Value, out var hash))
            {
                throw new StateCorruptedException(
                    $"The stored setting {HashSettingKey} is not a SHA-256 hash; delete it to generate a new API key, or set DOCKFLARE_API_KEY.");
            }

            log.LogInformation("The REST API accepts the API key generated on first start (stored as a hash in {Setting})", HashSettingKey);
            return hash;
        }

        var key = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var generated = ApiKeyHash.Compute(key);
        await store.SetSettingAsync(new SettingEntry(HashSettingKey, ApiKeyHash.ToHex(generated), IsJson: false), cancellationToken)
            .ConfigureAwait(false);
        announcer.Announce(key);
        log.LogWarning(
            "Generated the REST API key; it was printed to the console once and only its hash is stored in {Setting}", HashSettingKey);
        return generated;
    }
}
